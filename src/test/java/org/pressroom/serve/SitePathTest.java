package org.pressroom.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SitePathTest {
    @Test
    void decodesPercentEscapesAsUtf8AndKeepsTheTrailingSlash() {
        assertEquals(Optional.of(""), SitePath.of("/"));
        assertEquals(Optional.of("ko/"), SitePath.of("/ko/"));
        assertEquals(Optional.of("files/회담 자료.pdf"), SitePath.of("/files/%ED%9A%8C%EB%8B%B4%20%EC%9E%90%EB%A3%8C.pdf"));
        assertEquals(Optional.of("a+b.pdf"), SitePath.of("/a+b.pdf"), "a plus is not a space in a path");
    }

    @Test
    void refusesDotSegmentsEncodedSeparatorsAndBadEscapes() {
        for (String raw : new String[] {"/../x", "/a/../x", "/./x", "/%2e%2e/x", "/%2E%2e/x", "/a%2fb", "/a%2Fb", "/a%5cb",
                "/a\\b", "/%00", "//x", "/a//b", "/%zz", "/%e", "/%c0%ae%c0%ae/x", "x", ""}) {
            assertEquals(Optional.empty(), SitePath.of(raw), raw);
        }
    }

    @Test
    void readsDecomposedHangulAsTheComposedName() {
        // 회 as ᄒ + ᅬ (NFD), percent-encoded
        assertEquals(Optional.of("files/회.pdf"), SitePath.of("/files/%E1%84%92%E1%85%AC.pdf"));
    }
}

package org.pressroom.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pressroom.testing.Browser;
import org.pressroom.testing.StaticServer;

/**
 * The search size benchmark (not a test: its name keeps it out of {@code mvn test}); run by
 * {@code bench/search-size.sh} as {@code mvn test -Dtest=SearchSizeBench -Dbench.site=DIR}. Reports
 * each language's index size and, for sample queries run by search.js in headless Chromium with the
 * cache off, the bytes the query fetched (script, manifest, shards, filter files, result documents;
 * the page and its stylesheet excluded), uncompressed.
 */
class SearchSizeBench {
    /** Sample queries per language; {@code &name=value} adds a filter. */
    static final Map<String, List<String>> QUERIES = Map.of(
            "ko", List.of("북한", "비핵화", "한반도 평화", "외교부 장관 회담", "북", "UN안보리",
                    "북한&type=press-release&year=2015",
                    "대한민국 외교부 장관은 한반도 비핵화와 평화 정착을 위한 국제사회의 긴밀한 협력을 강조하였다"),
            "en", List.of("nucl", "north korea", "climate change", "minister", "g20 summit",
                    "nuclear&topic=north-korea",
                    "the minister stressed close cooperation with the international community on denuclearization"));

    @Test
    void reportsIndexSizeAndBytesFetchedPerQuery() throws Exception {
        Path site = Path.of(System.getProperty("bench.site", "site"));
        assertTrue(Files.isDirectory(site.resolve("ko/search")), "no built site at " + site.toAbsolutePath());
        StringBuilder report = new StringBuilder();
        for (String lang : List.of("ko", "en")) {
            report.append(indexSize(site, lang));
        }
        ChromeDriver driver = Browser.open(1280, 900);
        try (StaticServer server = StaticServer.serve(site)) {
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            report.append("\n| lang | query · filters | results | script | manifest | shards + filters (n) | document files (n) | total |\n")
                    .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
            for (String lang : List.of("ko", "en")) {
                for (String q : QUERIES.get(lang)) {
                    report.append(query(driver, server, lang, q));
                }
            }
        } finally {
            driver.quit();
        }
        System.out.println("\n" + report);
        String out = System.getProperty("bench.out");
        if (out != null) {
            Files.writeString(Path.of(out), report.toString(), StandardCharsets.UTF_8);
        }
    }

    private static String indexSize(Path site, String lang) throws IOException {
        Path dir = site.resolve(lang).resolve("search");
        long manifest = Files.size(dir.resolve("index.json"));
        long[] shards = sizes(dir.resolve("s"));
        long[] facets = sizes(dir.resolve("f"));
        long[] docs = sizes(dir.resolve("d"));
        return String.format("- %s: index %s in %d files — manifest %s; %d shards %s (largest %s); %d filter files %s;"
                + " %d document files %s%n", lang, kb(manifest + shards[1] + facets[1] + docs[1]),
                1 + shards[0] + facets[0] + docs[0], kb(manifest), shards[0], kb(shards[1]), kb(shards[2]), facets[0],
                kb(facets[1]), docs[0], kb(docs[1]));
    }

    /** count, total bytes, largest file */
    private static long[] sizes(Path dir) throws IOException {
        long[] out = new long[3];
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                long n = Files.size(p);
                out[0]++;
                out[1] += n;
                out[2] = Math.max(out[2], n);
            }
        }
        return out;
    }

    private static String kb(long bytes) {
        return String.format("%.1f kB", bytes / 1000.0);
    }

    @SuppressWarnings("unchecked")
    private static String query(ChromeDriver driver, StaticServer server, String lang, String q) {
        int amp = q.indexOf('&');
        String words = amp < 0 ? q : q.substring(0, amp);
        driver.get(server.url() + lang + "/search/?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8)
                + (amp < 0 ? "" : q.substring(amp)));
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("var s = document.getElementById('search-status');"
                        + "return s.getAttribute('aria-busy') === 'false' && s.textContent !== '';")));
        Map<String, Object> m = (Map<String, Object>) driver.executeScript("""
                var r = {script: 0, manifest: 0, shards: 0, nShards: 0, docs: 0, nDocs: 0, facets: 0};
                performance.getEntriesByType('resource').forEach(function (e) {
                  var size = e.decodedBodySize, u = e.name;
                  if (/search\\.js$/.test(u)) { r.script += size; }
                  else if (/\\/search\\/index\\.json$/.test(u)) { r.manifest += size; }
                  else if (/\\/search\\/s\\//.test(u)) { r.shards += size; r.nShards++; }
                  else if (/\\/search\\/d\\//.test(u)) { r.docs += size; r.nDocs++; }
                  else if (/\\/search\\/f\\//.test(u)) { r.facets += size; }
                });
                r.results = document.getElementById('search-status').textContent;
                return r;""");
        long script = ((Number) m.get("script")).longValue();
        long manifest = ((Number) m.get("manifest")).longValue();
        long shards = ((Number) m.get("shards")).longValue() + ((Number) m.get("facets")).longValue();
        long docs = ((Number) m.get("docs")).longValue();
        String results = ((String) m.get("results")).replaceAll("[^0-9]", "");
        return String.format("| %s | %s | %s | %s | %s | %s (%s) | %s (%s) | **%s** |%n", lang,
                q.replace("&", " · ").replace("|", "\\|"), results.isEmpty() ? "0" : results,
                kb(script), kb(manifest), kb(shards), m.get("nShards"), kb(docs), m.get("nDocs"),
                kb(script + manifest + shards + docs));
    }
}

package org.pressroom.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.json.Json;
import org.pressroom.testing.SiteFixture;
import org.w3c.dom.NodeList;

/**
 * Hostile text in every field an editor writes comes out inert: every output file, whatever its kind,
 * is parsed and searched for anything the payloads could have turned into markup or script.
 */
class EscapingTest {
    /** Closes scripts, attributes, CDATA sections and comments, opens an element with a handler. */
    static final String PAYLOAD = "</script><script>alert(1)</script>\"><img src=x onerror=alert(2)>]]><!-- ${7*7} &amp;";

    @TempDir
    Path dir;

    @Test
    void keepsHostileTextInertInEveryOutputFile() throws Exception {
        String q = "'" + PAYLOAD.replace("'", "''") + "'";
        SiteFixture site = SiteFixture.given(dir, """
                -- content/site.yml --
                baseUrl: https://press.example.org/
                timeZone: Asia/Seoul
                params:
                  organization: { ko: %1$s, en: %1$s }
                -- content/topics.yml --
                evil: { ko: %1$s, en: %1$s }
                -- content/files/%2$s.pdf --
                %%PDF-1.4
                -- content/releases/2014/2014-03-26-payload.ko.md --
                ---
                title: %1$s
                summary: %1$s
                office: %1$s
                number: %1$s
                topics: [evil]
                aliases:
                  - '/old/"><svg/onload=alert(3)>]]></script>'
                  - /news/view.do?id=1&x=<script>
                updates:
                  - { date: 2014-03-27, note: %1$s }
                attachments:
                  - { file: %2$s.pdf, title: %1$s }
                ---
                %3$s
                -- content/releases/2014/2014-03-26-payload.en.md --
                ---
                title: %1$s
                office: %1$s
                aliases: ['/en/old/"><script>alert(4)</script>']
                ---
                %3$s
                """.formatted(q, "attach\"><img src=x onerror=alert(5)>", body())).build("--now", "2020-01-01")
                .thenSucceeds();

        List<Path> files;
        try (Stream<Path> s = Files.walk(site.site())) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        int html = 0;
        for (Path f : files) {
            String name = site.site().relativize(f).toString();
            byte[] bytes = Files.readAllBytes(f);
            if (name.endsWith(".pdf") || name.endsWith(".css") || name.endsWith(".png")) {
                continue;
            }
            String text = utf8(name, bytes);
            assertNoControlCharacters(name, text);
            if (name.endsWith(".html")) {
                assertInertHtml(name, Jsoup.parse(text));
                html++;
            } else if (name.endsWith(".xml")) {
                assertWellFormedXml(name, bytes);
            } else if (name.endsWith(".json")) {
                new Json().toType(text, Object.class);
            } else if (name.equals("_redirects")) {
                assertRedirects(text);
            }
        }
        assertTrue(html >= 8, "html pages checked: " + html);

        // escaped, not dropped: the text arrives whole
        Document ko = Jsoup.parse(site.file("ko/releases/2014-03-26-payload/index.html"));
        assertEquals(PAYLOAD, ko.selectFirst("h1").text());
        assertTrue(ko.title().contains(PAYLOAD), ko.title());
        assertTrue(ko.text().contains(PAYLOAD + " "), "office, number, notes and attachment titles");
        assertEquals(PAYLOAD, ko.select("a[href$=/ko/topics/evil/]").first().text());
        assertTrue(ko.select("a[href*=attach]").attr("href").contains("%22%3E%3Cimg") || ko.select("a[href*=attach]")
                .attr("href").contains("\"><img"), "attachment link keeps its name in the attribute");
        assertTrue(Jsoup.parse(site.file("en/index.html")).text().contains(PAYLOAD), "summary on the home page");
        assertFalse(site.file("ko/releases/2014-03-26-payload/index.html").contains("49"), "no template evaluation");
    }

    private static String body() {
        return """
                Raw <script>alert(6)</script> and <img src=x onerror=alert(7)> stay text.

                <div onclick="alert(8)">block</div>

                [one](javascript:alert(9)) [two](JavaScript:alert(10)) [three](vbscript:msgbox(11)) [tab](java&#x09;script:alert(15)) [ent](&#106;avascript:alert(17)) ![img](data:image/svg+xml,<svg/onload=alert(18)>) [ref][r]
                [four](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMik8L3NjcmlwdD4=)
                ["><img src=x onerror=alert(13)>](/ko/ "\\"><img src=x onerror=alert(14)>")

                ]]> </script> <!-- ${7*7}

                [r]: JAVASCRIPT:alert(16)
                """;
    }

    private static void assertInertHtml(String name, Document doc) {
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            assertFalse(List.of("img", "svg", "iframe", "object", "embed").contains(tag) && e.attributes().hasKey("src")
                    && e.attr("src").equals("x"), name + ": injected " + e);
            assertFalse(tag.equals("svg") || tag.equals("div") && e.hasAttr("onclick"), name + ": injected " + e);
            for (Attribute a : e.attributes()) {
                assertFalse(a.getKey().toLowerCase(Locale.ROOT).startsWith("on"), name + ": event handler on " + e);
                if (a.getKey().equals("href") || a.getKey().equals("src") || a.getKey().equals("action")) {
                    String v = a.getValue().replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
                    assertFalse(v.startsWith("javascript:") || v.startsWith("vbscript:") || v.startsWith("data:"),
                            name + ": script URL in " + e);
                }
            }
            if (tag.equals("script")) {
                if (e.attr("type").equals("application/ld+json")) {
                    new Json().toType(e.data(), Object.class);
                } else {
                    assertFalse(e.data().contains("alert("), name + ": injected script " + e);
                    assertFalse(e.hasAttr("src") && !e.attr("src").startsWith("/"), name + ": foreign script " + e);
                }
            }
        }
    }

    private static void assertWellFormedXml(String name, byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        org.w3c.dom.Document doc;
        try {
            doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (org.xml.sax.SAXException e) {
            fail(name + " is not well-formed XML: " + e.getMessage());
            return;
        }
        for (String tag : List.of("script", "img", "svg")) {
            NodeList n = doc.getElementsByTagNameNS("*", tag);
            assertEquals(0, n.getLength(), name + ": element " + tag);
        }
    }

    private static void assertRedirects(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            // from [key=value ...] to status (Netlify's form for query-string sources)
            String[] parts = line.trim().split("\\s+");
            assertTrue(parts.length >= 3, "_redirects line: " + line);
            assertTrue(parts[0].startsWith("/") && !parts[0].startsWith("//"), "_redirects from: " + line);
            for (int i = 1; i < parts.length - 2; i++) {
                assertTrue(parts[i].matches("[^=\\s]+=[^=\\s]*"), "_redirects query pair: " + line);
            }
            assertTrue(parts[parts.length - 2].startsWith("/"), "_redirects to: " + line);
            assertTrue(parts[parts.length - 1].matches("30[1278]"), "_redirects status: " + line);
            assertFalse(line.contains("<") || line.contains(">") || line.contains("\""), "URL characters only: " + line);
        }
    }

    private static String utf8(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            fail(name + " is not UTF-8");
            return null;
        }
    }

    private static void assertNoControlCharacters(String name, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                fail(name + ": control character U+" + Integer.toHexString(c) + " at " + i);
            }
        }
    }

}

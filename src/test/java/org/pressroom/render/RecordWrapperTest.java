package org.pressroom.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pressroom.build.Build;
import org.pressroom.build.BuildOptions;
import org.pressroom.build.When;
import org.pressroom.plan.Page;

/** Templates see the view records through {@link RecordWrapper} as through FreeMarker's default wrapper. */
class RecordWrapperTest {
    /** FreeMarker's default wrapper with the theme's settings. */
    private static ObjectWrapper standard() {
        DefaultObjectWrapperBuilder b = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        b.setForceLegacyNonListCollections(false);
        b.setRecordZeroArgumentNonVoidMethodPolicy(ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        b.setExposeFields(false);
        return b.build();
    }

    @Test
    void rendersEveryPageOfTheSampleArchiveAsTheDefaultWrapperDoes() {
        Build.Loaded loaded = Build.load(new BuildOptions(Path.of("."), Path.of("site"), Optional.empty(), false,
                When.parse("2026-11-01")));
        Renderer renderer = new Renderer(loaded.plan(), loaded.theme());
        List<Page> pages = loaded.plan().pages().stream().filter(p -> p.template() != null).toList();
        assertTrue(pages.size() > 100, "the sample archive's pages");
        Configuration config = loaded.theme().configuration();
        assertTrue(config.getObjectWrapper() instanceof RecordWrapper, "themes use the record wrapper");
        List<String> quick = new ArrayList<>();
        for (Page p : pages) {
            quick.add(renderer.render(p).text());
        }
        config.setObjectWrapper(standard());
        for (int i = 0; i < pages.size(); i++) {
            assertEquals(renderer.render(pages.get(i)).text(), quick.get(i), pages.get(i).path());
        }
    }

    @Test
    void answersEverythingATemplateMayAskOfARecordAsTheDefaultWrapperDoes() throws Exception {
        Views.Count count = new Views.Count("north-korea", "북한 & <핵>", "/ko/topics/north-korea/", 12);
        Views.Pager pager = new Views.Pager(2, 3, "/p/1/", null, List.of(new Views.PagerLink(1, "/p/1/", false)));
        String template = """
                ${c.label} ${c.label()} ${c.count + 1} ${c.count()} <#if c.href??>has</#if> ${c?has_content?c}
                <#list c?keys?sort as k>${k} </#list> ${c.equals(c)?c} ${c.hashCode()?is_number?c}
                ${p.next!"none"} ${p.links?size} ${p.links[0].href} <#list p.links as l>${l.current?c}</#list>
                ${c?is_hash?c} ${c?is_method?c} ${(c.missing)!"no such member"}""";
        Map<String, Object> model = Map.of("c", count, "p", pager);
        assertEquals(render(template, model, standard()), render(template, model, Theme.wrapper()));
        assertTrue(render(template, model, Theme.wrapper()).startsWith("북한 &amp; &lt;핵&gt; 북한 &amp; &lt;핵&gt; 13 12 has"));
    }

    private static String render(String source, Object model, ObjectWrapper wrapper) throws Exception {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setOutputFormat(freemarker.core.HTMLOutputFormat.INSTANCE);
        cfg.setObjectWrapper(wrapper);
        cfg.setNumberFormat("computer");
        StringWriter out = new StringWriter();
        new Template("t", new StringReader(source), cfg).process(model, out);
        return out.toString();
    }
}

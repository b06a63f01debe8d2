package cn.luoshi.common.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every module's English bundle and its Chinese one hold the same keys, so no page, notice or audit sentence falls
 * back to a code or to the other language.
 */
class MessageBundlesTest {

    @Test
    void theChineseAndEnglishBundlesOfEveryModuleHoldTheSameKeys() throws IOException {
        Resource[] english = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
        List<String> differences = new ArrayList<>();
        int modules = 0;
        for (Resource bundle : english) {
            String name = bundle.getFilename();
            if (name == null || name.contains("_")) {
                continue;
            }
            modules++;
            Resource chinese = bundle.createRelative(name.replace(".properties", "_zh_CN.properties"));
            assertThat(chinese.exists()).as("Chinese bundle beside " + name).isTrue();
            Set<String> en = keys(bundle);
            Set<String> zh = keys(chinese);
            Set<String> onlyEnglish = new TreeSet<>(en);
            onlyEnglish.removeAll(zh);
            Set<String> onlyChinese = new TreeSet<>(zh);
            onlyChinese.removeAll(en);
            onlyEnglish.forEach(k -> differences.add(name + ": only in English: " + k));
            onlyChinese.forEach(k -> differences.add(name + ": only in Chinese: " + k));
        }
        assertThat(modules).as("module bundles found").isGreaterThan(0);
        assertThat(differences).isEmpty();
    }

    private static Set<String> keys(Resource bundle) throws IOException {
        return new TreeSet<>(load(bundle).stringPropertyNames());
    }

    private static Properties load(Resource bundle) throws IOException {
        Properties p = new Properties();
        try (InputStream in = bundle.getInputStream()) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}

package cn.luoshi.common;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings a deployment may change; see the README for their environment variables.
 *
 * @param dataDir       folder holding the embedded database and stored files
 * @param adminPassword password of the first admin account; blank means generate one
 * @param demo          load the demo city; null means "only on the embedded database"
 * @param zone          the time zone dates and deadlines are reckoned in
 * @param demoPassword  password of the demo city's users; blank means generate one (never the admin's)
 */
@ConfigurationProperties("luoshi")
public record LuoshiProperties(Path dataDir, String adminPassword, Boolean demo, ZoneId zone,
                               String demoPassword) {

    public LuoshiProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }

    public Path filesDir() {
        return dataDir.resolve("files");
    }
}

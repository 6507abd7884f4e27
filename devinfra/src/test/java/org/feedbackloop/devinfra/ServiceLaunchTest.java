package org.feedbackloop.devinfra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ServiceLaunchTest {

    @TempDir
    Path folder;

    @Test
    void aServiceRecordsItsAheadOfTimeCacheUntilOneNewerThanItsJarExistsThenStartsFromIt() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the ahead-of-time cache needs JDK 25");
        var jar = Files.writeString(folder.resolve("quarkus-run.jar"), "a jar");
        var caches = folder.resolve("aot");
        var cache = caches.resolve("gateway.aot").toAbsolutePath();

        assertThat(ServiceLaunch.aotCache(caches, "gateway", jar)).containsExactly("-XX:AOTCacheOutput=" + cache);

        Files.writeString(cache, "a cache");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(ServiceLaunch.aotCache(caches, "gateway", jar)).containsExactly("-XX:AOTCache=" + cache);

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60))); // built again since
        assertThat(ServiceLaunch.aotCache(caches, "gateway", jar)).containsExactly("-XX:AOTCacheOutput=" + cache);
        assertThat(cache).doesNotExist();
    }
}

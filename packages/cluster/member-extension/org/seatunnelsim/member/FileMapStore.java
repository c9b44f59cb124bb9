package org.seatunnelsim.member;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.MapLoaderLifecycleSupport;
import com.hazelcast.map.MapStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Keeps a map's entries on disk, one file per key, so the job maps outlive a restart of every
 * member (`seatunnel-sim up --persist-dir`). Written through (each put and remove before it is
 * acknowledged), each file replaced by rename so a crash leaves the old document or the new one,
 * never half of one. Members sharing a directory (one machine) each write the entries they own;
 * on start every member reads them all back (initial-mode EAGER) and keeps those it owns.
 *
 * Values are the JSON documents the nodes wrote; keys are URL-encoded into file names.
 */
public class FileMapStore implements MapStore<String, HazelcastJsonValue>, MapLoaderLifecycleSupport {

    private static final String SUFFIX = ".json";

    private Path dir;

    @Override
    public void init(HazelcastInstance instance, Properties properties, String mapName) {
        String root = properties.getProperty("dir");
        if (root == null || root.isEmpty() || root.startsWith("${")) {
            throw new IllegalStateException("FileMapStore needs the property dir (sim.persistence.dir)");
        }
        dir = Paths.get(root, mapName);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void destroy() {
    }

    private Path fileOf(String key) {
        return dir.resolve(URLEncoder.encode(key, StandardCharsets.UTF_8) + SUFFIX);
    }

    @Override
    public void store(String key, HazelcastJsonValue value) {
        Path file = fileOf(key);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.writeString(partial, value.toString(), StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void storeAll(Map<String, HazelcastJsonValue> entries) {
        entries.forEach(this::store);
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(fileOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void deleteAll(Collection<String> keys) {
        keys.forEach(this::delete);
    }

    @Override
    public HazelcastJsonValue load(String key) {
        Path file = fileOf(key);
        try {
            return Files.exists(file) ? new HazelcastJsonValue(Files.readString(file, StandardCharsets.UTF_8)) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, HazelcastJsonValue> loadAll(Collection<String> keys) {
        Map<String, HazelcastJsonValue> found = new HashMap<>();
        for (String key : keys) {
            HazelcastJsonValue value = load(key);
            if (value != null) found.put(key, value);
        }
        return found;
    }

    @Override
    public Iterable<String> loadAllKeys() {
        List<String> keys = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                keys.add(URLDecoder.decode(name.substring(0, name.length() - SUFFIX.length()), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }
}

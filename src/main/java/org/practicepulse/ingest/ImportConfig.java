package org.practicepulse.ingest;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the inbox importer (prefix pulse.import). */
@ConfigMapping(prefix = "pulse.import")
public interface ImportConfig {

    /** The folder scanned for export files; {@code <inbox>/<practice-slug>/...}. Unset: no scanning. */
    Optional<Path> inbox();

    /** How often the inbox is scanned (a Quarkus duration such as 1m, or "off"). */
    @WithDefault("1m")
    String every();

    /** Where uploaded files are kept, by content hash. */
    Path uploadDir();

    /** Most entries a zip of exports may have. */
    @WithDefault("200")
    int zipMaxEntries();

    /** Most bytes a zip of exports may unpack to, all entries together. */
    @WithDefault("2147483648")
    long zipMaxBytes();

    /** How many rejected rows and warnings a run stores (the counts are always exact). */
    @WithDefault("1000")
    int maxProblemsStored();
}

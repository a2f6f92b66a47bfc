package org.practicepulse.risk;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the professionalism-risk score (prefix pulse.risk). */
@ConfigMapping(prefix = "pulse.risk")
public interface RiskConfig {

    /** A rule file to use instead of the built-in risk/rules.json (same format). */
    Optional<Path> rulesFile();

    /** A folder of practice extensions, one {@code <practice-slug>.json} per practice. Unset: none. */
    Optional<Path> extraRulesDir();

    /** Rescore, in the background after start-up, every post scored with other rules than the loaded ones. */
    @WithDefault("true")
    boolean rescoreAtStart();
}

package org.practicepulse.risk;

import java.util.Arrays;
import java.util.List;

/** The six kinds of professionalism risk a rule can belong to (issue 6). */
public final class RiskCategory {

    public static final String PRIVACY = "privacy";
    public static final String MEDICAL_ADVICE = "medical_advice";
    public static final String ENDORSEMENT = "endorsement";
    public static final String TONE = "tone";
    public static final String UNSOURCED_CLAIM = "unsourced_claim";
    public static final String BOUNDARY = "boundary";
    public static final List<String> ALL = Arrays.asList(PRIVACY, MEDICAL_ADVICE, ENDORSEMENT, TONE, UNSOURCED_CLAIM, BOUNDARY);

    private RiskCategory() {
    }
}

package org.cailab.support;

import java.util.UUID;

/** Study links as Prolific fills them in: the researcher's link template with the participant's ids put in. */
public final class StudyLinks {

    private StudyLinks() {}

    /** Replaces Prolific's placeholders in a campaign's study link. */
    public static String fill(String template, String prolificPid, String studyId, String sessionId) {
        return template.replace("{{%PROLIFIC_PID%}}", prolificPid)
                .replace("{{%STUDY_ID%}}", studyId)
                .replace("{{%SESSION_ID%}}", sessionId);
    }

    /** A fresh 24-character Prolific id in lower-case hex, as Prolific hands them out. */
    public static String newPid() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}

package org.partybuilding.training.sessions;

/** The kinds of training course (培训) of API.md. */
public enum TrainingKind {
    /** 党员培训 */
    PARTY_MEMBER_TRAINING("党员培训"),
    /** 党务工作者培训 */
    PARTY_WORKER_TRAINING("党务工作者培训"),
    /** 书记培训 */
    SECRETARY_TRAINING("书记培训"),
    /** 入党积极分子培训 */
    ACTIVIST_TRAINING("入党积极分子培训"),
    /** 发展对象培训: member-service counts these hours for admission (rule 8) */
    DEVELOPMENT_TARGET_TRAINING("发展对象培训");

    private final String label;

    TrainingKind(String label) {
        this.label = label;
    }

    /** Its Chinese name, as exports show it. */
    public String label() {
        return label;
    }
}

package org.partybuilding.branch.partyorganization;

/**
 * The facility standard "six haves" (六个有): plaque 牌匾, flag 党旗, activity room 活动室, archive cabinet 档案柜,
 * audio-visual equipment 电教设备, publicity board 宣传阵地.
 */
public record SixHaves(boolean plaque, boolean flag, boolean activityRoom, boolean archiveCabinet, boolean avEquipment,
        boolean publicityBoard) {

    public static final SixHaves NONE = new SixHaves(false, false, false, false, false, false);

    public boolean all() {
        return plaque && flag && activityRoom && archiveCabinet && avEquipment && publicityBoard;
    }

    public int count() {
        int n = 0;
        for (boolean have : new boolean[] {plaque, flag, activityRoom, archiveCabinet, avEquipment, publicityBoard}) {
            n += have ? 1 : 0;
        }
        return n;
    }
}

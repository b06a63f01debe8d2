package cn.luoshi.appeal;

/** An org unit as an appeal shows it. */
public record AppealUnit(long id, String name) {
}

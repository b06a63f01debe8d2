package cn.luoshi.task;

public enum Priority {
    HIGH, NORMAL, LOW
}

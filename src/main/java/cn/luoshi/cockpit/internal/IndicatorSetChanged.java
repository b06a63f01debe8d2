package cn.luoshi.cockpit.internal;

/** A region's cockpit indicators were chosen or reset: pictures taken before show the old set. */
record IndicatorSetChanged(long regionId) {
}

package cn.luoshi.appeal.internal.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request came from, for flood protection. Forwarded headers are honoured only when the server is
 * configured to trust its proxy ({@code server.forward-headers-strategy}), in which case the container already puts
 * the client's address here; a client cannot pick its own bucket by sending a header.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}

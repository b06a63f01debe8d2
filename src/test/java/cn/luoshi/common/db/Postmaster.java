package cn.luoshi.common.db;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the tests do to an embedded server from outside, as an operator or an attacker on the machine would. */
final class Postmaster {

    private Postmaster() {
    }

    /** The postmaster's process id, from the first line of postmaster.pid in the cluster folder. */
    static long pid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).getFirst()
                .strip());
    }

    /** kill -9 of the postmaster, returning once the process is gone. */
    static long kill(Path dataDir) throws Exception {
        long pid = pid(dataDir);
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
        return pid;
    }

    /**
     * The authentication request a server sends to a client that names user postgres, before any password: 0 is
     * "AuthenticationOk" (the server trusts the client), 10 is "AuthenticationSASL" (it asks for a SCRAM password).
     * Spoken in the wire protocol, so no driver setting can hide what the server does.
     */
    static int authenticationRequest(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(5000);
            byte[] parameters = "user\0postgres\0database\0postgres\0\0".getBytes(StandardCharsets.US_ASCII);
            var out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(8 + parameters.length);
            out.writeInt(196608); // protocol 3.0
            out.write(parameters);
            out.flush();
            var in = new DataInputStream(socket.getInputStream());
            byte type = in.readByte();
            if (type != 'R') {
                throw new IOException("Expected an authentication request, got message '" + (char) type + "'");
            }
            in.readInt(); // length
            return in.readInt();
        }
    }
}

package io.flightdeck.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of the application that drops the connection once, as a pulled cable would: after
 * {@code cutAfter} bytes from the client (counted across its connections), it forwards exactly that many and closes
 * both sides. Everything before and after goes through untouched. A client that does not know about it (the official
 * tus client here) sees a broken connection midway; the server sees a request body that stops early.
 */
final class CuttingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final long cutAfter;
    private final AtomicLong upstream = new AtomicLong();
    private final AtomicBoolean cut = new AtomicBoolean();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    CuttingProxy(int target, long cutAfter) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = target;
        this.cutAfter = cutAfter;
        daemon(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    boolean hasCut() {
        return cut.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(client);
                sockets.add(server);
                daemon(() -> pump(client, server, true));
                daemon(() -> pump(server, client, false));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                int forward = read;
                boolean cutNow = false;
                if (fromClient && !cut.get()) {
                    long before = upstream.getAndAdd(read);
                    if (before + read >= cutAfter && cut.compareAndSet(false, true)) {
                        forward = (int) (cutAfter - before);
                        cutNow = true;
                    }
                }
                out.write(buffer, 0, forward);
                out.flush();
                if (cutNow) {
                    from.setSoLinger(true, 0); // the client gets a reset
                    from.close();
                    to.close();
                    return;
                }
            }
            to.shutdownOutput();
        } catch (IOException closed) {
            closeQuietly(to);
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "cutting-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(CuttingProxy::closeQuietly);
    }
}

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.HostProvider;
import org.apache.zookeeper.data.Stat;

/**
 * Runs a ZooKeeper conformance script (conformance/zookeeper/*.zk) against a real server with the
 * official Java client and prints one JSON line per command. The TypeScript runner normalises
 * these lines exactly as it does the model's answers and compares them.
 *
 * Each session talks to the server through its own small TCP proxy, so a script can cut a
 * session off ("partition": bytes are dropped both ways, nothing is closed) and let it back in
 * ("heal").
 *
 * Usage: java ZkDriver <host:port> <script> [server pid]
 *        java ZkDriver - -     (ensemble mode: commands on stdin, one a line, each prefixed by its
 *                               script line number; `sN connect <ms> <host:port,...>` opens a
 *                               session on an ensemble, trying the servers in the order given;
 *                               `sN where` says which server a session is connected to)
 */
public final class ZkDriver {
    static final class Proxy {
        final ServerSocket listen;
        final InetSocketAddress target;
        volatile boolean blocked = false;
        final List<Socket[]> pairs = Collections.synchronizedList(new ArrayList<>());

        Proxy(InetSocketAddress target) throws IOException {
            this.target = target;
            this.listen = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::acceptLoop, "proxy-accept");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return listen.getLocalPort();
        }

        void acceptLoop() {
            while (!listen.isClosed()) {
                try {
                    Socket c = listen.accept();
                    c.setTcpNoDelay(true);
                    Socket[] pair = new Socket[] {c, null};
                    pairs.add(pair);
                    if (blocked) {
                        // Cut off: the client's bytes go nowhere until the proxy is healed.
                        pump(c, null, pair, true);
                    } else {
                        Socket s = new Socket();
                        s.setTcpNoDelay(true);
                        s.connect(target);
                        pair[1] = s;
                        pump(c, s, pair, false);
                        pump(s, c, pair, false);
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }

        void pump(Socket from, Socket to, Socket[] pair, boolean deadFromStart) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[65536];
                try {
                    InputStream in = from.getInputStream();
                    OutputStream out = to == null ? null : to.getOutputStream();
                    for (;;) {
                        int n = in.read(buf);
                        if (n < 0) break;
                        if (blocked || deadFromStart || out == null) continue;
                        out.write(buf, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // closed
                }
                // A partition swallows the close too: only the side that closed is shut.
                closeQuietly(from);
                if (!blocked && !deadFromStart) closeQuietly(to);
            }, "proxy-pump");
            t.setDaemon(true);
            t.start();
        }

        void partition() {
            blocked = true;
        }

        void heal() {
            // Connections that lived through the cut lost bytes mid-stream: they are dead.
            List<Socket[]> old;
            synchronized (pairs) {
                old = new ArrayList<>(pairs);
                pairs.clear();
            }
            blocked = false;
            for (Socket[] p : old) {
                closeQuietly(p[0]);
                closeQuietly(p[1]);
            }
        }

        void shutdown() {
            closeQuietly(listen);
            synchronized (pairs) {
                for (Socket[] p : pairs) {
                    closeQuietly(p[0]);
                    closeQuietly(p[1]);
                }
            }
        }
    }

    static void closeQuietly(java.io.Closeable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (IOException e) {
            // ignore
        }
    }

    /**
     * StaticHostProvider without its shuffle: the servers are tried in the order given, so the
     * model (whose client tries its connect string in order) and the real client move through
     * an ensemble alike. Like StaticHostProvider.next, coming round again to the server it was
     * last connected to, it first sleeps spinDelay (1 s) - but not on the very first attempt.
     */
    static final class OrderedHosts implements HostProvider {
        final List<InetSocketAddress> hosts;
        int current = -1;
        int last = -1;
        /** The server of the established connection, -1 before the first one. */
        volatile int connected = -1;

        OrderedHosts(List<InetSocketAddress> hosts) {
            this.hosts = hosts;
        }

        @Override
        public int size() {
            return hosts.size();
        }

        @Override
        public InetSocketAddress next(long spinDelay) {
            boolean sleep;
            synchronized (this) {
                current = (current + 1) % hosts.size();
                sleep = current == last && spinDelay > 0;
                if (last == -1) last = 0;
            }
            if (sleep) {
                try {
                    Thread.sleep(spinDelay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return hosts.get(current);
        }

        @Override
        public synchronized void onConnected() {
            last = current;
            connected = current;
        }

        @Override
        public boolean updateServerList(java.util.Collection<InetSocketAddress> serverAddresses, InetSocketAddress currentHost) {
            return false;
        }
    }

    static final class Session {
        ZooKeeper zk;
        Proxy proxy;
        /** Ensemble mode: the connect string's servers, in order (no proxy). */
        OrderedHosts hosts;
        final List<String> events = new ArrayList<>();
        final CountDownLatch connected = new CountDownLatch(1);
        /** Connected as far as the watcher has been told (the state a script can observe). */
        volatile boolean live = false;
        boolean gone = false;
    }

    static final Map<String, Session> sessions = new LinkedHashMap<>();
    static InetSocketAddress server;

    public static void main(String[] args) throws Exception {
        if (args[0].equals("-")) {
            interactive();
            return;
        }
        String[] hp = args[0].split(":");
        server = new InetSocketAddress(hp[0], Integer.parseInt(hp[1]));
        serverPid = args.length > 2 ? args[2] : null;
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new java.io.FileInputStream(args[1]), StandardCharsets.UTF_8))) {
            String l;
            while ((l = r.readLine()) != null) lines.add(l);
        }
        long start = System.nanoTime();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            int arrow = raw.indexOf(" => ");
            String cmd = (arrow >= 0 ? raw.substring(0, arrow) : raw).trim();
            if (cmd.isEmpty() || cmd.startsWith("#")) continue;
            String res;
            try {
                res = run(cmd.split("\\s+"));
            } catch (KeeperException e) {
                res = "{\"err\":" + q(errName(e.code())) + "}";
            } catch (IllegalArgumentException e) {
                // The client library refused the call before sending anything (PathUtils, TTLs).
                res = "{\"err\":" + q("IllegalArgumentException: " + e.getMessage()) + "}";
            } catch (Exception e) {
                res = "{\"fail\":" + q(e.toString()) + "}";
            }
            long t = (System.nanoTime() - start) / 1_000_000;
            System.out.println("{\"line\":" + (i + 1) + ",\"t\":" + t + ",\"res\":" + res + "}");
            System.out.flush();
        }
        closeAll();
        System.exit(0);
    }

    /** Closes every session still open and stops their proxies (the end of a script, or of stdin). */
    static void closeAll() {
        for (Session s : sessions.values()) {
            if (!s.gone && s.zk != null) {
                try {
                    s.zk.close(2000);
                } catch (Exception e) {
                    // ignore
                }
            }
            if (s.proxy != null) s.proxy.shutdown();
        }
    }

    /** Ensemble mode: the runner sends `<line> <command>` lines and reads one JSON answer each. */
    static void interactive() throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String l;
        while ((l = r.readLine()) != null) {
            l = l.trim();
            if (l.isEmpty()) continue;
            int sp = l.indexOf(' ');
            String line = l.substring(0, sp);
            System.out.println("{\"line\":" + line + ",\"res\":" + answer(l.substring(sp + 1).trim().split("\\s+")) + "}");
            System.out.flush();
        }
        // Ensemble sessions have no proxies; closeAll stops none there.
        closeAll();
        System.exit(0);
    }

    static String answer(String[] t) {
        try {
            return run(t);
        } catch (KeeperException e) {
            return "{\"err\":" + q(errName(e.code())) + "}";
        } catch (IllegalArgumentException e) {
            return "{\"err\":" + q("IllegalArgumentException: " + e.getMessage()) + "}";
        } catch (Exception e) {
            return "{\"fail\":" + q(e.toString()) + "}";
        }
    }

    static String errName(KeeperException.Code c) {
        switch (c) {
            case NONODE: return "NoNode";
            case NODEEXISTS: return "NodeExists";
            case BADVERSION: return "BadVersion";
            case NOTEMPTY: return "NotEmpty";
            case NOCHILDRENFOREPHEMERALS: return "NoChildrenForEphemerals";
            case CONNECTIONLOSS: return "ConnectionLoss";
            case SESSIONEXPIRED: return "SessionExpired";
            case NOWATCHER: return "NoWatcher";
            case BADARGUMENTS: return "BadArguments";
            case UNIMPLEMENTED: return "Unimplemented";
            default: return c.name();
        }
    }

    static String serverPid;

    static void signal(String sig) throws Exception {
        Process p = new ProcessBuilder("kill", "-" + sig, serverPid).inheritIO().start();
        if (p.waitFor() != 0) throw new IllegalStateException("kill -" + sig + " " + serverPid + " failed");
    }

    static byte[] data(String s) {
        if (s.equals("\"\"")) return new byte[0];
        // "x*N": N bytes of x, for sizes near jute.maxbuffer.
        if (s.matches("x\\*\\d+")) {
            byte[] b = new byte[Integer.parseInt(s.substring(2))];
            java.util.Arrays.fill(b, (byte) 'x');
            return b;
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String run(String[] t) throws Exception {
        if (t[0].equals("sleep")) {
            Thread.sleep(Long.parseLong(t[1]));
            return "{\"ok\":true}";
        }
        if (t[0].equals("server")) {
            // A stop-the-world pause of the whole server process (a long GC, a frozen VM).
            signal("STOP");
            Thread.sleep(Long.parseLong(t[2]));
            signal("CONT");
            return "{\"ok\":true}";
        }
        String name = t[0];
        String op = t[1];
        Session s = sessions.get(name);
        if (op.equals("connect")) {
            if (s != null && !s.gone && s.zk.getState().isAlive()) throw new IllegalStateException("session " + name + " already open");
            Session ns = new Session();
            int timeout = Integer.parseInt(t[2]);
            Watcher w = ev -> {
                synchronized (ns.events) {
                    if (ev.getType() == Watcher.Event.EventType.None) {
                        ns.live = ev.getState() == Watcher.Event.KeeperState.SyncConnected;
                        if (ns.live) ns.connected.countDown();
                        ns.events.add("{\"state\":" + q(ev.getState().name()) + "}");
                    } else {
                        ns.events.add("{\"type\":" + q(ev.getType().name()) + ",\"path\":" + q(ev.getPath()) + "}");
                    }
                }
            };
            if (t.length > 3) {
                // An ensemble: straight to the servers, in the order given.
                List<InetSocketAddress> hs = new ArrayList<>();
                for (String h : t[3].split(",")) {
                    String[] p = h.split(":");
                    hs.add(new InetSocketAddress(p[0], Integer.parseInt(p[1])));
                }
                ns.hosts = new OrderedHosts(hs);
                ns.zk = new ZooKeeper(t[3], timeout, w, false, ns.hosts);
            } else {
                ns.proxy = new Proxy(server);
                ns.zk = new ZooKeeper("127.0.0.1:" + ns.proxy.port(), timeout, w);
            }
            sessions.put(name, ns);
            if (!ns.connected.await(15, TimeUnit.SECONDS)) throw new IllegalStateException("connect timed out");
            synchronized (ns.events) {
                ns.events.clear();
            }
            return "{\"ok\":true,\"timeout\":" + ns.zk.getSessionTimeout() + ",\"session\":" + q(hex(ns.zk.getSessionId())) + "}";
        }
        if (s == null || s.zk == null) throw new IllegalStateException("no session " + name);
        ZooKeeper zk = s.zk;
        switch (op) {
            case "create": {
                boolean eph = false, seq = false, cont = false;
                long ttl = -1;
                int i = 2;
                while (t[i].startsWith("-")) {
                    String f = t[i++];
                    for (char c : f.substring(1).toCharArray()) {
                        if (c == 'e') eph = true;
                        else if (c == 's') seq = true;
                        else if (c == 'c') cont = true;
                        else if (c == 't') ttl = Long.parseLong(t[i++]);
                        else throw new IllegalArgumentException("flag " + c);
                    }
                }
                String path = t[i++];
                byte[] d = i < t.length ? data(t[i]) : new byte[0];
                CreateMode mode;
                if (cont) mode = CreateMode.CONTAINER;
                else if (ttl >= 0) mode = seq ? CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL : CreateMode.PERSISTENT_WITH_TTL;
                else if (eph) mode = seq ? CreateMode.EPHEMERAL_SEQUENTIAL : CreateMode.EPHEMERAL;
                else mode = seq ? CreateMode.PERSISTENT_SEQUENTIAL : CreateMode.PERSISTENT;
                Stat st = new Stat();
                String made = zk.create(path, d, ZooDefs.Ids.OPEN_ACL_UNSAFE, mode, st, ttl);
                return "{\"ok\":true,\"path\":" + q(made) + ",\"stat\":" + stat(st) + "}";
            }
            case "delete":
                zk.delete(t[2], t.length > 3 ? Integer.parseInt(t[3]) : -1);
                return "{\"ok\":true}";
            case "set": {
                Stat st = zk.setData(t[2], data(t[3]), t.length > 4 ? Integer.parseInt(t[4]) : -1);
                return "{\"ok\":true,\"stat\":" + stat(st) + "}";
            }
            case "get": {
                Stat st = new Stat();
                byte[] d = zk.getData(t[2], watchFlag(t, 3), st);
                return "{\"ok\":true,\"data\":" + q(d == null ? null : new String(d, StandardCharsets.UTF_8)) + ",\"stat\":" + stat(st) + "}";
            }
            case "exists": {
                Stat st = zk.exists(t[2], watchFlag(t, 3));
                return "{\"ok\":true,\"stat\":" + (st == null ? "null" : stat(st)) + "}";
            }
            case "ls": {
                Stat st = new Stat();
                // In the server's order, unsorted: the model must list children as the server does.
                List<String> kids = new ArrayList<>(zk.getChildren(t[2], watchFlag(t, 3), st));
                StringBuilder b = new StringBuilder("[");
                for (int i = 0; i < kids.size(); i++) b.append(i > 0 ? "," : "").append(q(kids.get(i)));
                return "{\"ok\":true,\"children\":" + b.append("]") + ",\"stat\":" + stat(st) + "}";
            }
            case "multi": {
                // Sub-operations separated by ";": create [-e] [-s] /p [data], set /p data [v], delete /p [v], check /p v.
                List<Op> ops = new ArrayList<>();
                List<String> cur = new ArrayList<>();
                for (int i = 2; i <= t.length; i++) {
                    if (i == t.length || t[i].equals(";")) {
                        ops.add(subOp(cur));
                        cur = new ArrayList<>();
                    } else cur.add(t[i]);
                }
                try {
                    List<OpResult> rs = zk.multi(ops);
                    StringBuilder b = new StringBuilder("[");
                    for (int i = 0; i < rs.size(); i++) b.append(i > 0 ? "," : "").append(opResult(rs.get(i)));
                    return "{\"ok\":true,\"results\":" + b.append("]") + "}";
                } catch (KeeperException e) {
                    StringBuilder b = new StringBuilder("[");
                    List<OpResult> rs = e.getResults();
                    for (int i = 0; rs != null && i < rs.size(); i++) b.append(i > 0 ? "," : "").append(opResult(rs.get(i)));
                    return "{\"err\":" + q(errName(e.code())) + ",\"results\":" + b.append("]") + "}";
                }
            }
            case "sync": {
                CountDownLatch done = new CountDownLatch(1);
                final int[] rc = {0};
                zk.sync(t[2], (r, p, c) -> {
                    rc[0] = r;
                    done.countDown();
                }, null);
                if (!done.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("sync timed out");
                if (rc[0] != 0) return "{\"err\":" + q(errName(KeeperException.Code.get(rc[0]))) + "}";
                return "{\"ok\":true}";
            }
            case "addWatch":
                zk.addWatch(t[2], t[3].equals("recursive") ? AddWatchMode.PERSISTENT_RECURSIVE : AddWatchMode.PERSISTENT);
                return "{\"ok\":true}";
            case "removeWatches": {
                Watcher.WatcherType wt;
                switch (t[3]) {
                    case "data": wt = Watcher.WatcherType.Data; break;
                    case "children": wt = Watcher.WatcherType.Children; break;
                    default: wt = Watcher.WatcherType.Any;
                }
                zk.removeAllWatches(t[2], wt, false);
                return "{\"ok\":true}";
            }
            case "events": {
                // zk.getState() still says CONNECTED for a while after Disconnected was raised
                // (until the next attempt starts), so go by what the watcher was told.
                if (s.live) {
                    // Callbacks run on the event thread after every event received before the
                    // reply, so once this one runs every earlier event has been recorded.
                    CountDownLatch done = new CountDownLatch(1);
                    zk.exists("/", false, (rc, p, ctx, st) -> done.countDown(), null);
                    done.await(10, TimeUnit.SECONDS);
                } else {
                    Thread.sleep(50);
                }
                StringBuilder b = new StringBuilder("[");
                synchronized (s.events) {
                    for (int i = 0; i < s.events.size(); i++) b.append(i > 0 ? "," : "").append(s.events.get(i));
                    s.events.clear();
                }
                return "{\"ok\":true,\"events\":" + b.append("]") + "}";
            }
            case "close":
                zk.close();
                s.gone = true;
                if (s.proxy != null) s.proxy.shutdown();
                return "{\"ok\":true}";
            case "where": {
                // The server this session is connected to, as far as its watcher has been told.
                int i = s.hosts == null ? -1 : s.hosts.connected;
                String at = s.live && i >= 0 ? s.hosts.hosts.get(i).getHostString() + ":" + s.hosts.hosts.get(i).getPort() : null;
                return "{\"ok\":true,\"server\":" + q(at) + ",\"session\":" + q(hex(zk.getSessionId())) + "}";
            }
            case "crash": {
                // The client process dies: its socket closes, but no closeSession is sent, so
                // the server keeps the session until it times out.
                Field f = ZooKeeper.class.getDeclaredField("cnxn");
                f.setAccessible(true);
                Object cnxn = f.get(zk);
                cnxn.getClass().getMethod("disconnect").invoke(cnxn);
                s.gone = true;
                if (s.proxy != null) s.proxy.shutdown();
                return "{\"ok\":true}";
            }
            case "partition":
                s.proxy.partition();
                return "{\"ok\":true}";
            case "heal":
                s.proxy.heal();
                return "{\"ok\":true}";
            default:
                throw new IllegalArgumentException("unknown command " + op);
        }
    }

    static Op subOp(List<String> a) {
        switch (a.get(0)) {
            case "create": {
                boolean eph = false, seq = false;
                int i = 1;
                while (a.get(i).startsWith("-")) {
                    for (char c : a.get(i++).substring(1).toCharArray()) {
                        if (c == 'e') eph = true;
                        else if (c == 's') seq = true;
                        else throw new IllegalArgumentException("multi create flag " + c);
                    }
                }
                CreateMode mode = eph ? (seq ? CreateMode.EPHEMERAL_SEQUENTIAL : CreateMode.EPHEMERAL) : (seq ? CreateMode.PERSISTENT_SEQUENTIAL : CreateMode.PERSISTENT);
                return Op.create(a.get(i), i + 1 < a.size() ? data(a.get(i + 1)) : new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, mode);
            }
            case "set":
                return Op.setData(a.get(1), data(a.get(2)), a.size() > 3 ? Integer.parseInt(a.get(3)) : -1);
            case "delete":
                return Op.delete(a.get(1), a.size() > 2 ? Integer.parseInt(a.get(2)) : -1);
            case "check":
                return Op.check(a.get(1), Integer.parseInt(a.get(2)));
            default:
                throw new IllegalArgumentException("multi op " + a.get(0));
        }
    }

    static String opResult(OpResult r) {
        if (r instanceof OpResult.CreateResult) return "{\"op\":\"create\",\"path\":" + q(((OpResult.CreateResult) r).getPath()) + "}";
        if (r instanceof OpResult.SetDataResult) return "{\"op\":\"set\",\"stat\":" + stat(((OpResult.SetDataResult) r).getStat()) + "}";
        if (r instanceof OpResult.DeleteResult) return "{\"op\":\"delete\"}";
        if (r instanceof OpResult.CheckResult) return "{\"op\":\"check\"}";
        if (r instanceof OpResult.ErrorResult) return "{\"op\":\"error\",\"err\":" + q(errName(KeeperException.Code.get(((OpResult.ErrorResult) r).getErr()))) + "}";
        return "{\"op\":" + q(r.getClass().getSimpleName()) + "}";
    }

    static boolean watchFlag(String[] t, int i) {
        return t.length > i && t[i].equals("watch");
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    static String stat(Stat s) {
        return "{\"czxid\":" + q(hex(s.getCzxid())) + ",\"mzxid\":" + q(hex(s.getMzxid())) + ",\"pzxid\":" + q(hex(s.getPzxid()))
            + ",\"version\":" + s.getVersion() + ",\"cversion\":" + s.getCversion() + ",\"aversion\":" + s.getAversion()
            + ",\"ephemeralOwner\":" + q(hex(s.getEphemeralOwner())) + ",\"dataLength\":" + s.getDataLength()
            + ",\"numChildren\":" + s.getNumChildren() + "}";
    }

    static String q(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }
}

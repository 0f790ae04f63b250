// Runs Guava's real RateLimiter on a virtual stopwatch, for conformance/guava/run.ts.
// It lives in Guava's package because RateLimiter.SleepingStopwatch and the factory methods
// that take one are package-private.
//
// Input (stdin), one case after another:
//   case bursty|warmup <permitsPerSecond> <maxBurstSeconds> <warmupMs> <coldFactor>
//   a <nowMicros> <permits>                    acquire(permits) at that time
//   t <nowMicros> <permits> <timeoutMicros>    tryAcquire(permits, timeout, MICROSECONDS)
//   end
// Output: one line per call, "<1|0> <micros slept>", then "end" after each case.
// Each call runs at the time given (callers are separate threads: a sleep does not move the
// clock), and the stopwatch read 0 when the limiter was created.
package com.google.common.util.concurrent;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

public final class GuavaDriver {
  static final class VirtualStopwatch extends RateLimiter.SleepingStopwatch {
    long now;
    long slept;

    @Override
    protected long readMicros() {
      return now;
    }

    @Override
    protected void sleepMicrosUninterruptibly(long micros) {
      slept += micros;
    }
  }

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    PrintWriter out = new PrintWriter(System.out);
    VirtualStopwatch clock = null;
    RateLimiter limiter = null;
    String line;
    while ((line = in.readLine()) != null) {
      String[] f = line.trim().split(" ");
      switch (f[0]) {
        case "case":
          clock = new VirtualStopwatch();
          double rate = Double.parseDouble(f[2]);
          if (f[1].equals("bursty")) {
            SmoothRateLimiter.SmoothBursty b = new SmoothRateLimiter.SmoothBursty(clock, Double.parseDouble(f[3]));
            b.setRate(rate);
            limiter = b;
          } else {
            limiter = RateLimiter.create(rate, Long.parseLong(f[4]), TimeUnit.MILLISECONDS, Double.parseDouble(f[5]), clock);
          }
          break;
        case "a":
          clock.now = Long.parseLong(f[1]);
          clock.slept = 0;
          limiter.acquire(Integer.parseInt(f[2]));
          out.println("1 " + clock.slept);
          break;
        case "t":
          clock.now = Long.parseLong(f[1]);
          clock.slept = 0;
          boolean ok = limiter.tryAcquire(Integer.parseInt(f[2]), Long.parseLong(f[3]), TimeUnit.MICROSECONDS);
          out.println((ok ? "1 " : "0 ") + clock.slept);
          break;
        case "end":
          out.println("end");
          break;
        default:
          throw new IllegalArgumentException("unknown line: " + line);
      }
    }
    out.flush();
  }
}

"""The bench's ping-pong in SimPy, the discrete-event simulator most people would reach for.

Debian's python3-simpy is SimPy 2.3 (the `SimPy.Simulation` API), so this is written for it.
The same workload as bench/ping-pong.ts: CLIENTS clients each send a request to one server over
a link of uniform 1-10 ms latency, the server answers at once over the same kind of link, and the
client sends the next request when the answer arrives. Each arrival (at the server, or back at
the client) is one event, as each is one step of the playground's engine; the server answers at
once and keeps no state, so its arrival is the client process's first hold ending. Prints one
JSON line: the median wall-clock events/s of RUNS runs of EVENTS events.

usage: python3 ping_pong.py [events] [runs]
"""
import json
import random
import sys
import time

from SimPy import __version__ as SIMPY_VERSION
from SimPy.Simulation import Process, Simulation, hold

CLIENTS = 1000


class Client(Process):
    def run(self, sim, rng, budget):
        while True:
            # The request travels to the server, which answers at once...
            yield hold, self, rng.uniform(1, 10)
            budget.arrived()
            # ...and the answer travels back.
            yield hold, self, rng.uniform(1, 10)
            budget.arrived()


class Budget:
    def __init__(self, sim, events):
        self.sim = sim
        self.left = events

    def arrived(self):
        self.left -= 1
        if self.left == 0:
            self.sim.stopSimulation()


def run(events):
    sim = Simulation()
    sim.initialize()
    rng = random.Random(1)
    budget = Budget(sim, events)
    for i in range(CLIENTS):
        c = Client(name="c%d" % i, sim=sim)
        sim.activate(c, c.run(sim, rng, budget))
    t0 = time.perf_counter()
    sim.simulate(until=1e12)
    return events / (time.perf_counter() - t0)


def main():
    events = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    rates = sorted(run(events) for _ in range(runs))
    print(json.dumps({"rate": rates[len(rates) // 2], "all": rates, "simpy": SIMPY_VERSION}))


if __name__ == "__main__":
    main()

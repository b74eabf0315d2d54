"""State files: save_state plus loading the file back, for two shapes of a real inventory.

- 10,000 orders of one number each (10,000 orders and 10,000 numbers);
- 1,000 orders of ten numbers each (1,000 orders and 10,000 numbers).

In both, every order is complete, a tenth of the numbers is in the deletion queue and a tenth
associated with a Voice Connector. Goals: saving and loading together at most 1 s for each shape,
and the file of 10,000 orders and numbers at most 6 MB (the default, compact form; the
`pretty=True` form for people is reported beside it).

Run: python benchmarks/bench_state.py [--rounds N]
The shapes alternate round by round; like `timeit`, the fastest save and load of each are kept,
in wall time and in CPU time (this process's, which a shared machine's load moves less).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import tempfile
import time
from pathlib import Path
from typing import Any

from chime_mock.backend import Backend, Scope, associations
from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory, delete_number
from chime_mock.backend.phone_numbers.orders import create_order
from chime_mock.backend.state import files as state_file
from chime_mock.backend.voice_connectors import connectors
from chime_mock.protocol import catalog

SCOPE = Scope.of("chime-sdk-voice", "123456789012", "us-east-1")
NUMBERS = 10_000
SHAPES = {"10,000 orders of 1 number": 1, "1,000 orders of 10 numbers": 10}


def filled(numbers: int, per_order: int, now: _dt.datetime) -> Backend:
    backend = Backend(phone_number_limit=None)
    with backend.lock:
        for first in range(0, numbers, per_order):
            last = min(first + per_order, numbers)
            e164s = [f"+1206555{index:04d}" for index in range(first, last)]
            create_order(backend, SCOPE, "VoiceConnector", e164s, now)
        backend.settle(now)
        inventory = backend.inventory(SCOPE)
        # The connector the numbers are associated with: a state file must hold what its
        # associations name.
        connector = connectors.create_connector(
            inventory,
            {"Name": "trunk", "RequireEncryption": True},
            backend.quotas,
            backend.next_seq(),
            now,
        )
        held = list(PhoneNumberInventory.of(inventory).numbers.values())
        for index, number in enumerate(held):
            if index % 10 == 1:
                delete_number(backend, SCOPE, number.phone_number_id, now)
            elif index % 10 == 2:
                target = (associations.VOICE_CONNECTOR, connector.voice_connector_id)
                associations.associate(inventory, target, [number.e164], False, now)
    return backend


def _timed(action: Any) -> tuple[Any, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def measure(rounds: int) -> dict[str, tuple[float, float, float, float, int, int]]:
    """Per shape: fastest save and load seconds (wall, then CPU), file bytes, pretty bytes."""
    now = _dt.datetime.now(_dt.timezone.utc)
    backends = {shape: filled(NUMBERS, size, now) for shape, size in SHAPES.items()}
    saves: dict[str, list[tuple[float, float]]] = {shape: [] for shape in SHAPES}
    loads: dict[str, list[tuple[float, float]]] = {shape: [] for shape in SHAPES}
    sizes: dict[str, tuple[int, int]] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "state.json"
        for shape, backend in backends.items():
            with backend.lock:
                state_file.save(backend, path, now, pretty=True)
            sizes[shape] = (0, path.stat().st_size)
        for _ in range(rounds):
            for shape, backend in backends.items():
                with backend.lock:
                    _, wall, cpu = _timed(lambda: state_file.save(backend, path, now))  # noqa: B023
                saves[shape].append((wall, cpu))
                loaded, wall, cpu = _timed(lambda: state_file.load(path, catalog.enum_values))
                loads[shape].append((wall, cpu))
                held = PhoneNumberInventory.of(loaded.inventory(SCOPE)).numbers
                assert len(held) == NUMBERS
                sizes[shape] = (path.stat().st_size, sizes[shape][1])
    return {
        shape: (
            min(wall for wall, _ in saves[shape]),
            min(wall for wall, _ in loads[shape]),
            min(cpu for _, cpu in saves[shape]),
            min(cpu for _, cpu in loads[shape]),
            *sizes[shape],
        )
        for shape in SHAPES
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    arguments = parser.parse_args()
    for shape, (save, load, save_cpu, load_cpu, size, pretty) in measure(arguments.rounds).items():
        print(
            f"state file, {shape}: save {save * 1e3:.0f} ms + load {load * 1e3:.0f} ms = "
            f"{(save + load) * 1e3:.0f} ms (goal <= 1000 ms; CPU {save_cpu * 1e3:.0f} + "
            f"{load_cpu * 1e3:.0f} = {(save_cpu + load_cpu) * 1e3:.0f} ms); file "
            f"{size / 1e6:.2f} MB (goal <= 6 MB), with pretty=True {pretty / 1e6:.2f} MB"
        )


if __name__ == "__main__":
    main()

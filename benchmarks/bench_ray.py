"""The Ray engine against the local engine on this machine: same input, rows/s, output equality.

Three runs on one generated Parquet file, in this process, each followed by an equality check
against the local engine's output:

1. ``local``: :func:`redactkit.io.redact_parquet` with ``--workers`` processes (the baseline);
2. ``ray-actors``: the same call with the workers as Ray actors (``redactkit redact --engine ray``);
3. ``ray-data``: :func:`redactkit.integrations.ray.redact_ray_dataset` on ``ray.data.read_parquet``
   (order kept with ``preserve_order``), written back with ``write_parquet``.

rows/s of 1 and 2 count redaction only (model loading is reported apart, as ``startup_s``); Ray
Data's figure is wall time from the lazy plan to the written files, actor start-up included, since
Ray Data does not separate them. Ray's own start-up is printed apart. Ratios are against ``local``
in the same run.

    python benchmarks/bench_ray.py [--rows 4000] [--workers 2] [--config default|cheap|PATH] [--group]
        [--partitions 4]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
os.environ["RAY_USAGE_STATS_ENABLED"] = "0"

CHEAP_CONFIG = """\
replace: true
normalizers:
  - name: whitespace
  - name: spoken_numbers
detectors:
  - name: identifiers
anonymizer:
  name: tag
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=4000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--config", default="default", help="default, cheap (model-free) or a YAML path")
    parser.add_argument("--group", action="store_true", help="group column session_id (group scope)")
    parser.add_argument("--partitions", type=int, default=4, help="Ray Data shuffle partitions (--group)")
    args = parser.parse_args()

    import pyarrow as pa
    import pyarrow.parquet as pq

    from redactkit import Pipeline
    from redactkit.io import redact_parquet
    from redactkit.synth import sample_table

    folder = Path(tempfile.mkdtemp(prefix="bench-ray-"))
    source = folder / "in.parquet"
    pq.write_table(sample_table(args.rows, seed=7), source, row_group_size=10_000)
    config: Any = None
    if args.config == "cheap":
        (folder / "cheap.yaml").write_text(CHEAP_CONFIG)
        config = str(folder / "cheap.yaml")
    elif args.config != "default":
        config = args.config
    group = "session_id" if args.group else None
    results: dict[str, Any] = {"rows": args.rows, "workers": args.workers, "config": args.config}

    def run(name: str, **extra: Any) -> pa.Table:
        out = folder / f"{name}.parquet"
        clock = time.perf_counter()
        summary = redact_parquet(
            source,
            out,
            "transcript",
            Pipeline.from_config(config),
            workers=args.workers,
            group_column=group,
            **extra,
        )
        wall = time.perf_counter() - clock
        report = json.loads((folder / f"{name}.parquet.report.json").read_text())
        results[name] = {
            "rows_per_s": round(summary.rows_per_second, 1),
            "startup_s": report["startup_seconds"],
            "wall_s": round(wall, 2),
            "cpu_ms_per_row": round(1000 * summary.cpu_seconds / max(1, summary.rows), 3),
        }
        return pq.read_table(out)

    expected = run("local")

    from redactkit.integrations.ray import ensure_ray, ray_pool_factory, redact_ray_dataset

    clock = time.perf_counter()
    ray = ensure_ray(num_cpus=args.workers + 1)
    results["ray_init_s"] = round(time.perf_counter() - clock, 2)
    try:
        got = run("ray-actors", pool_factory=ray_pool_factory(), engine="ray")
        results["ray-actors"]["identical"] = got.equals(expected)

        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        clock = time.perf_counter()
        ds = redact_ray_dataset(
            # a file of few row groups reads as few blocks: split it so that every actor gets work
            ray.data.read_parquet(str(source)).repartition(args.workers * 4),
            config,
            "transcript",
            actors=args.workers,
            group_column=group,
            order_column="turn" if group else None,
            num_partitions=args.partitions if group else None,
        )
        ds.write_parquet(str(folder / "ray-data"))
        wall = time.perf_counter() - clock
        table = pq.read_table(folder / "ray-data")
        if group:  # map_groups returns rows group by group: compare in the input order
            table = table.sort_by("utterance_id")
            local_sorted = expected.sort_by("utterance_id")
        else:
            local_sorted = expected
        same = table.cast(expected.schema).equals(local_sorted)
        results["ray-data"] = {
            "rows_per_s_wall": round(args.rows / wall, 1),
            "wall_s": round(wall, 2),
            "identical": same,
        }
    finally:
        ray.shutdown()
    local = results["local"]["rows_per_s"]
    results["ratio_ray_actors_vs_local"] = round(results["ray-actors"]["rows_per_s"] / local, 3)
    results["ratio_ray_data_wall_vs_local_wall"] = round(
        results["local"]["wall_s"] / results["ray-data"]["wall_s"], 3
    )
    load = os.getloadavg()
    results["load_average"] = [round(x, 2) for x in load]
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

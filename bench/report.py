"""The benchmark's results: medians over rounds, ratios of ModelZoo to PyTorch and to plain TorchSharp, the targets,
and the Markdown report.

A measurement is one process's result (the JSON of `modelzoo benchmark`, bench/pytorch_bench.py or
bench/TorchSharpPeer); the runner keeps them as {(architecture, size, batch, mode): {framework: [result per round]}},
with a framework present only where it was run (the TorchSharp peer has TorchVision's MobileNets only).
"""

import statistics

MODELZOO, NCHW, NHWC, TORCHSHARP = "modelzoo", "pytorch_nchw", "pytorch_nhwc", "torchsharp"
FRAMEWORKS = [MODELZOO, NCHW, NHWC, TORCHSHARP]
PYTORCH = [NCHW, NHWC]
LABELS = {MODELZOO: "ModelZoo", NCHW: "PyTorch NCHW", NHWC: "PyTorch CL", TORCHSHARP: "TorchSharp"}

# Targets, each as a ratio where higher is better: ModelZoo ÷ the other for rates, the other ÷ ModelZoo for latency
# and memory. Rates and latency are held against the faster PyTorch layout and, where it runs, plain TorchSharp;
# memory against the smaller PyTorch figure.
TRAIN_VS_BEST = 1.2
INFER_VS_BEST = 1.5
LATENCY_VS_BEST = 1.2
MEMORY_VS_LOWEST = 1.0
LOADER_VS_TRAIN = 2.0

METRICS = ["train_images_per_second", "train_gmacs_per_second", "infer_images_per_second", "infer_gmacs_per_second",
           "latency_median_ms", "latency_p90_ms", "peak_rss_mib"]
LOADER_METRICS = ["loader_images_per_second", "peak_rss_mib"]
DESCRIPTIVE = ["memory_format", "parameters", "macs_per_image", "workers", "images"]


def medians(results, metrics):
    """Median of each metric over the rounds (None when no round has it), plus the descriptive fields of the first."""
    summary = {f: statistics.median(v) if (v := [r[f] for r in results if r.get(f) is not None]) else None
               for f in metrics}
    return summary | {f: results[0].get(f) for f in DESCRIPTIVE if results and f in results[0]}


def summarize(measurements):
    return {key: {fw: medians(results, METRICS) for fw, results in per_framework.items()}
            for key, per_framework in measurements.items()}


def ratio(numerator, denominator):
    return numerator / denominator if numerator is not None and denominator else None


def verdict(*checks):
    """'met' when every (ratio, target) reaches its target, 'missed' when one does not, '—' when a ratio is missing."""
    if not checks or any(value is None for value, _ in checks):
        return "—"
    return "met" if all(value >= target for value, target in checks) else "**missed**"


def fmt(value, digits=1):
    return "—" if value is None else f"{value:,.{digits}f}"


def fmt_ratio(value):
    return "—" if value is None else f"{value:.2f}×"


def table(header, rows, text_columns=2):
    """A Markdown table; the first `text_columns` columns align left, the numbers right."""
    align = ["---" if i < text_columns else "---:" for i in range(len(header))]
    return "\n".join("| " + " | ".join(row) + " |" for row in [header, align, *rows])


def consistency_problems(measurements, published, threads):
    """Both sides must build the same network (the published parameter count, the same conv + FC MACs per image)
    and run it on the thread count asked for."""
    problems = set()
    for (arch, size, _, _), per_framework in measurements.items():
        for fw, results in per_framework.items():
            for r in results:
                if r.get("parameters") != published[arch]:
                    problems.add(f"{arch} ({LABELS[fw]}, {size} px): {r.get('parameters')} parameters, published {published[arch]:,}")
                if r.get("threads_used") != threads:
                    problems.add(f"{LABELS[fw]} ran on {r.get('threads_used')} threads, not {threads}")
        macs = {r["macs_per_image"] for rs in per_framework.values() for r in rs if r.get("macs_per_image") is not None}
        if len(macs) > 1:
            problems.add(f"{arch} at {size} px: the frameworks count different MACs per image, {sorted(macs)} "
                         f"(small-input mode on one side only? see bench/run --small-input)")
    return sorted(problems)


class Report:
    """Builds the Markdown report section by section, tallying every target it judges."""

    def __init__(self, settings, summary, loader_summary, problems):
        self.settings, self.summary, self.loader, self.problems = settings, summary, loader_summary, problems
        self.configs = sorted({(a, s, b) for a, s, b, _ in summary},
                              key=lambda c: (settings["archs"].index(c[0]), c[1], c[2]))
        self.outcomes = []

    def value(self, config, mode, framework, field):
        return self.summary.get((*config, mode), {}).get(framework, {}).get(field)

    def peer_ran(self, config, mode):
        """Whether plain TorchSharp was run for this configuration (it has some architectures only)."""
        return TORCHSHARP in self.summary.get((*config, mode), {})

    def judged(self, *checks):
        outcome = verdict(*checks)
        self.outcomes.append(outcome)
        return outcome

    def markdown(self):
        s = self.settings
        sections = [
            f"# ModelZoo vs PyTorch eager and plain TorchSharp\n\n{s['machine']}; {s['threads']} threads for all; "
            f"ModelZoo and plain TorchSharp on libtorch {s['libtorch']}, PyTorch {s['torch']}; medians of "
            f"{s['rounds']} round(s), each measurement {s['warmup']} warm-up + {s['iterations']} timed steps; "
            f"{s['date']}." + self.load_note(),
            self.rates("train", "train_images_per_second",
                       "Training, images/s (ModelZoo and PyTorch: AdamW; TorchSharp: SGD with momentum; cross-entropy)",
                       TRAIN_VS_BEST),
            self.rates("infer", "infer_images_per_second", "Inference, images/s (eval, inference mode)", INFER_VS_BEST),
            self.latency(),
            self.memory(),
        ]
        if self.loader:
            sections.append(self.loading())
        judged = [o for o in self.outcomes if o != "—"]
        met = judged.count("met")
        summary = f"## Summary\n\n{met} of {len(judged)} targets met"
        if len(self.outcomes) > len(judged):
            summary += f" ({len(self.outcomes) - len(judged)} without data)"
        sections.append(summary + ".")
        if self.problems:
            sections.append("## Problems\n\n" + "\n".join(f"- {p}" for p in self.problems))
        return "\n\n".join(sections) + "\n"

    def load_note(self):
        """The machine's 1-minute load average around the run: above the core count, other work shared the cores."""
        s = self.settings
        if "load_start" not in s:
            return ""
        note = f" Load average (1 min) {s['load_start']:.1f} at the start, {s.get('load_end', float('nan')):.1f} at the end"
        if max(s["load_start"], s.get("load_end", 0)) > s["cores"]:
            return note + f": **more than the {s['cores']} cores — other work competed, treat the figures as rough**."
        return note + "."

    def checks(self, config, mode, vs_best, vs_peer, target):
        """The target against the faster PyTorch layout, and against plain TorchSharp where it was run."""
        return [(vs_best, target)] + ([(vs_peer, target)] if self.peer_ran(config, mode) else [])

    def rates(self, mode, field, title, target):
        rows = []
        for config in self.configs:
            mz, nchw, nhwc, peer = (self.value(config, mode, fw, field) for fw in FRAMEWORKS)
            best = max((v for v in (nchw, nhwc) if v is not None), default=None)
            vs_best, vs_peer = ratio(mz, best), ratio(mz, peer)
            layout = self.value(config, mode, MODELZOO, "memory_format") or "—"
            rows.append([config[0], f"{config[1]}/{config[2]}", fmt(mz), layout, fmt(nchw), fmt(nhwc), fmt(peer),
                         fmt_ratio(ratio(mz, nchw)), fmt_ratio(vs_best), fmt_ratio(vs_peer),
                         self.judged(*self.checks(config, mode, vs_best, vs_peer, target))])
        header = ["architecture", "size/batch", "ModelZoo", "MZ layout", "PyTorch NCHW", "PyTorch CL", "TorchSharp",
                  "× NCHW", "× best", "× TorchSharp", "target"]
        return (f"## {title}\n\nRatios: ModelZoo ÷ the other (> 1: ModelZoo faster); × best: the faster PyTorch layout. "
                f"Target: ≥ {target}× the faster PyTorch layout and ≥ {target}× plain TorchSharp where it ran.\n\n"
                + table(header, rows))

    def latency(self):
        rows = []
        for config in self.configs:
            median = {fw: self.value(config, "infer", fw, "latency_median_ms") for fw in FRAMEWORKS}
            p90 = {fw: self.value(config, "infer", fw, "latency_p90_ms") for fw in FRAMEWORKS}
            best = min((median[fw] for fw in PYTORCH if median[fw] is not None), default=None)
            vs_best, vs_peer = ratio(best, median[MODELZOO]), ratio(median[TORCHSHARP], median[MODELZOO])
            rows.append([config[0], f"{config[1]}/1", *(f"{fmt(median[fw], 2)} ({fmt(p90[fw], 2)})"
                                                        if median[fw] is not None else "—" for fw in FRAMEWORKS),
                         fmt_ratio(ratio(median[NCHW], median[MODELZOO])), fmt_ratio(vs_best), fmt_ratio(vs_peer),
                         self.judged(*self.checks(config, "infer", vs_best, vs_peer, LATENCY_VS_BEST))])
        header = ["architecture", "size/batch", "ModelZoo", "PyTorch NCHW", "PyTorch CL", "TorchSharp", "× NCHW",
                  "× best", "× TorchSharp", "target"]
        return ("## Batch-1 latency, ms: median (p90)\n\nRatios: the other's median ÷ ModelZoo's (> 1: ModelZoo "
                f"faster). Target: ≥ {LATENCY_VS_BEST}× the faster PyTorch layout and ≥ {LATENCY_VS_BEST}× plain "
                "TorchSharp where it ran.\n\n" + table(header, rows))

    def memory(self):
        rows = []
        for config in self.configs:
            mz, nchw, nhwc, peer = (self.value(config, "train", fw, "peak_rss_mib") for fw in FRAMEWORKS)
            lowest = min((v for v in (nchw, nhwc) if v is not None), default=None)
            rows.append([config[0], f"{config[1]}/{config[2]}", fmt(mz, 0), fmt(nchw, 0), fmt(nhwc, 0), fmt(peer, 0),
                         fmt_ratio(ratio(mz, nchw)), fmt_ratio(ratio(mz, lowest)), fmt_ratio(ratio(mz, peer)),
                         self.judged((ratio(lowest, mz), MEMORY_VS_LOWEST))])
        header = ["architecture", "size/batch", "ModelZoo", "PyTorch NCHW", "PyTorch CL", "TorchSharp", "× NCHW",
                  "× lowest", "× TorchSharp", "target"]
        return ("## Peak resident memory in training, MiB (VmHWM)\n\nRatios: ModelZoo ÷ the other (< 1: ModelZoo "
                "smaller). Target: ≤ 1.0× the smaller PyTorch figure (plain TorchSharp for context).\n\n"
                + table(header, rows))

    def loading(self):
        s = self.settings
        size = s["data_size"]
        rates = [(self.value(c, "train", MODELZOO, "train_images_per_second"), c) for c in self.configs if c[1] == size]
        demand, consumer = max(((r, c) for r, c in rates if r is not None), default=(None, None))
        ours, theirs = self.loader.get(MODELZOO, {}), self.loader.get(NCHW, {})
        rows = []
        for name, loader, target in (("ModelZoo loader", ours, None), ("torchvision ImageFolder + DataLoader", theirs, "(context)")):
            rate = loader.get("loader_images_per_second")
            outcome = target or self.judged((ratio(rate, demand), LOADER_VS_TRAIN))
            rows.append([name, fmt(rate), str(loader.get("workers", "—")), fmt(loader.get("peak_rss_mib"), 0),
                         fmt_ratio(ratio(rate, demand)), outcome])
        source = (f"{consumer[0]}, batch {consumer[2]}" if consumer else f"no {size} px training measured")
        return (f"## Data loading: JPEG folder → {size} px training batches of {s['data_batch']}\n\n"
                f"{ours.get('images', '—')} JPEGs of 320×240 in `{s['data_dir']}`: decode, random resized crop, flip, "
                f"normalise, batch. Demand = the fastest ModelZoo training rate at {size} px, {fmt(demand)} img/s "
                f"({source}). Target: the ModelZoo loader ≥ {LOADER_VS_TRAIN}× demand.\n\n"
                + table(["loader", "images/s", "workers", "peak MiB", "× demand", "target"], rows, text_columns=1))

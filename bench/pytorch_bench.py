#!/usr/bin/python3
"""PyTorch eager's side of the benchmark: one process measures one configuration the way
`modelzoo benchmark --json` does (src/Pipelines/Benchmarks/ModelBenchmark.cs, LoaderBenchmark.cs) and prints one
JSON document with the same field names.

    /usr/bin/python3 bench/pytorch_bench.py ARCH --input-size 224 --batch-size 32 --mode train --threads 2 \
        --memory-format nchw|nhwc [--warmup 3] [--iterations 10] [--small-input]
    /usr/bin/python3 bench/pytorch_bench.py --mode data --data DIR --input-size 224 --batch-size 32 --threads 2

Training: synthetic randn input and random labels, model.train(), AdamW(lr 1e-3) + cross-entropy, `warmup` untimed
steps then `iterations` timed ones (each step: forward, loss, loss.item(), zero_grad, backward, step).
Inference: model.eval() under torch.inference_mode(); batched images/s at the batch size, then batch-1 latency
(median and p90 of max(iterations, 20) calls). nhwc = channels_last: the model and the input converted with
memory_format=torch.channels_last. Peak memory: VmHWM from /proc/self/status, reset (clear_refs 5) when the
measurement starts, after the imports.
Data: torchvision's ImageFolder + RandomResizedCrop + RandomHorizontalFlip + ToTensor + Normalize through a
DataLoader with `workers` worker processes (default: ModelZoo's loader default, 2), shuffled, images/s over
`iterations` batches after `warmup` untimed ones.
"""

import argparse
import json
import os
import statistics
import time

import torch
import torch.nn.functional as F

import pytorch_models

MINIMUM_LATENCY_SAMPLES = 20  # ModelBenchmark.MinimumLatencySamples
NUM_CLASSES = pytorch_models.NUM_CLASSES


def reset_peak_rss():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def peak_rss_mib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return None


def percentile(values, fraction):
    """Linear interpolation between the closest ranks, as ModelBenchmark.Percentile."""
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def synthetic(batch_size, input_size, memory_format):
    return torch.randn(batch_size, 3, input_size, input_size).contiguous(memory_format=memory_format)


def measure_training(model, args, memory_format):
    model.train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
    x = synthetic(args.batch_size, args.input_size, memory_format)
    target = torch.randint(0, NUM_CLASSES, (args.batch_size,))

    def step():
        start = time.perf_counter()
        loss = F.cross_entropy(model(x), target)
        loss.item()  # the loss a training loop logs; ModelZoo's TrainingStep reads it too
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        return time.perf_counter() - start

    for _ in range(args.warmup):
        step()
    seconds = sum(step() for _ in range(args.iterations))
    return args.iterations * args.batch_size / seconds


def measure_inference(model, args, memory_format, batch_size, iterations):
    """Images/s and the per-call times in ms."""
    x = synthetic(batch_size, args.input_size, memory_format)
    times = []
    with torch.inference_mode():
        for i in range(args.warmup + iterations):
            start = time.perf_counter()
            model(x)
            if i >= args.warmup:
                times.append(time.perf_counter() - start)
    return iterations * batch_size / sum(times), [t * 1000 for t in times]


def benchmark_model(args):
    reset_peak_rss()
    torch.manual_seed(0)
    memory_format = torch.channels_last if args.memory_format == "nhwc" else torch.contiguous_format
    model = pytorch_models.create(args.architecture, args.small_input)
    _, macs = pytorch_models.layer_shapes_and_macs(model, args.input_size)
    model = model.to(memory_format=memory_format)
    result = {
        "architecture": args.architecture, "input_size": args.input_size, "batch_size": args.batch_size,
        "memory_format": args.memory_format, "parameters": pytorch_models.parameter_count(model),
        "macs_per_image": macs, "small_input": args.small_input,
        "train_images_per_second": None, "train_gmacs_per_second": None,
        "infer_images_per_second": None, "infer_gmacs_per_second": None,
        "latency_median_ms": None, "latency_p90_ms": None,
    }
    if args.mode in ("train", "both"):
        rate = measure_training(model, args, memory_format)
        result.update(train_images_per_second=rate, train_gmacs_per_second=3 * macs / 1e9 * rate)
    if args.mode in ("infer", "both"):
        model.eval()
        rate, _ = measure_inference(model, args, memory_format, args.batch_size, args.iterations)
        _, latencies = measure_inference(model, args, memory_format, 1, max(args.iterations, MINIMUM_LATENCY_SAMPLES))
        result.update(infer_images_per_second=rate, infer_gmacs_per_second=macs / 1e9 * rate,
                      latency_median_ms=statistics.median(latencies), latency_p90_ms=percentile(latencies, 0.9))
    result["peak_rss_mib"] = peak_rss_mib()
    return result


def benchmark_loader(args):
    from torch.utils.data import DataLoader
    from torchvision import datasets, transforms

    reset_peak_rss()
    torch.manual_seed(0)
    transform = transforms.Compose([
        transforms.RandomResizedCrop(args.input_size),
        transforms.RandomHorizontalFlip(),
        transforms.ToTensor(),
        transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
    ])
    dataset = datasets.ImageFolder(args.data, transform)
    loader = DataLoader(dataset, batch_size=args.batch_size, shuffle=True, num_workers=args.workers,
                        persistent_workers=args.workers > 0)
    seen, images, start = 0, 0, time.perf_counter()
    while seen < args.warmup + args.iterations:
        for batch, _ in loader:
            seen += 1
            if seen == args.warmup:
                start = time.perf_counter()
            elif seen > args.warmup:
                images += batch.shape[0]
            if seen == args.warmup + args.iterations:
                break
    seconds = time.perf_counter() - start
    return {"data": args.data, "input_size": args.input_size, "batch_size": args.batch_size, "images": len(dataset),
            "workers": args.workers, "loader_images_per_second": images / seconds,
            "peak_rss_mib": peak_rss_mib()}


def main():
    parser = argparse.ArgumentParser(description="Measure one configuration in PyTorch eager; prints one JSON document.")
    parser.add_argument("architecture", nargs="?", choices=sorted(pytorch_models.ARCHITECTURES))
    parser.add_argument("--input-size", type=int, default=224)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--mode", choices=["train", "infer", "both", "data"], default="both")
    parser.add_argument("--threads", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--memory-format", choices=["nchw", "nhwc"], default="nchw")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--small-input", action="store_true",
                        help="ModelZoo's small-input mode (no early downsampling) instead of the ImageNet stem")
    parser.add_argument("--data", help="image folder (root/<class>/<image>) for --mode data")
    parser.add_argument("--workers", type=int, default=2, help="DataLoader workers for --mode data")
    args = parser.parse_args()
    if args.mode == "data" and not args.data:
        parser.error("--mode data needs --data DIR")
    if args.mode != "data" and not args.architecture:
        parser.error("an architecture is required")
    if args.iterations < 1 or args.warmup < 0:
        parser.error("--iterations must be at least 1 and --warmup at least 0")

    torch.set_num_threads(args.threads)
    result = benchmark_loader(args) if args.mode == "data" else benchmark_model(args)
    print(json.dumps({"framework": f"pytorch {torch.__version__}", "device": "cpu",
                      "threads": torch.get_num_threads(), "results": [result]}))


if __name__ == "__main__":
    main()

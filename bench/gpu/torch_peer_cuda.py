#!/usr/bin/env python3
"""PyTorch eager on CUDA (bench/gpu/), the reference `run.sh` measures ModelZoo against on the same GPU: the same protocol as bench/pytorch_bench.py and `modelzoo benchmark` (AdamW + cross-entropy on
synthetic input, warm-up then timed steps; eval-mode batched inference; batch-1 latency), with torch.cuda.synchronize()
closing every timed interval. Architectures from bench/pytorch_models.py. One JSON line per architecture.
    python3 torch_peer_cuda.py ARCH... [--input-size 224] [--batch-size 32] [--warmup 3] [--iterations 20]"""
import argparse, json, statistics, sys, time, os
_here = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [_here, os.path.dirname(_here)]  # pytorch_models.py: packed beside this file, or bench/ in the repository
import torch, torch.nn.functional as F
import pytorch_models

p = argparse.ArgumentParser()
p.add_argument("architectures", nargs="+")
p.add_argument("--input-size", type=int, default=224)
p.add_argument("--batch-size", type=int, default=32)
p.add_argument("--warmup", type=int, default=3)
p.add_argument("--iterations", type=int, default=20)
p.add_argument("--device", default="cuda")
a = p.parse_args()
dev = torch.device(a.device)
sync = torch.cuda.synchronize if dev.type == "cuda" else (lambda: None)
for name in a.architectures:
    torch.manual_seed(0)
    model = pytorch_models.create(name, False).to(dev)
    x = torch.randn(a.batch_size, 3, a.input_size, a.input_size, device=dev)
    y = torch.randint(0, pytorch_models.NUM_CLASSES, (a.batch_size,), device=dev)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    model.train()
    def step():
        loss = F.cross_entropy(model(x), y); loss.item()
        opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
    for _ in range(a.warmup): step()
    sync(); t = time.perf_counter()
    for _ in range(a.iterations): step()
    sync(); train = a.iterations * a.batch_size / (time.perf_counter() - t)
    model.eval()
    with torch.inference_mode():
        for _ in range(a.warmup): model(x)
        sync(); t = time.perf_counter()
        for _ in range(a.iterations): model(x)
        sync(); infer = a.iterations * a.batch_size / (time.perf_counter() - t)
        x1 = x[:1].clone(); lat = []
        for i in range(a.warmup + max(a.iterations, 20)):
            sync(); t = time.perf_counter(); model(x1); sync()
            if i >= a.warmup: lat.append((time.perf_counter() - t) * 1000)
    print(json.dumps({"framework": f"pytorch {torch.__version__}", "device": torch.cuda.get_device_name(0) if dev.type == "cuda" else "cpu", "architecture": name,
                      "input_size": a.input_size, "batch_size": a.batch_size, "train_images_per_second": round(train, 1),
                      "infer_images_per_second": round(infer, 1), "latency_median_ms": round(statistics.median(lat), 3),
                      "peak_cuda_mib": round((torch.cuda.max_memory_allocated() if dev.type == "cuda" else 0) / 2**20, 1)}), flush=True)
    del model, opt, x, y; 
    if dev.type == "cuda": torch.cuda.empty_cache(); torch.cuda.reset_peak_memory_stats()

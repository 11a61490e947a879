"""Reference data for MobileNetV2Tests / MobileNetV3Tests, from torchvision 0.14 (torch 1.13).

Run with the Debian python that has torchvision 0.14:  /usr/bin/python3 mobilenet_reference.py
Writes torchvision_<name>.txt (state-dict keys and shapes, in order) next to this file and prints, for each
model, the golden logits the tests compare with: 10 classes, eval mode, every floating-point state-dict
tensor k filled with v = sin(0.7 i + 1.3 k) (scaled v * sqrt(3 / fan-in) for weights of rank >= 2, 1 + 0.1 v for
other weights and running variances, 0.1 v otherwise), input x[i] = sin(0.1 i) of shape [1, 3, 224, 224].
"""
import math
import os

import torch
import torchvision

NAMES = ["mobilenet_v2", "mobilenet_v3_small", "mobilenet_v3_large"]
HERE = os.path.dirname(os.path.abspath(__file__))


def fill_deterministically(model):
    with torch.no_grad():
        for k, (key, t) in enumerate(model.state_dict().items()):
            if not t.dtype.is_floating_point:
                continue
            n = t.numel()
            v = torch.sin(0.7 * torch.arange(n, dtype=torch.float64) + 1.3 * k)
            if t.dim() >= 2:
                v = v * math.sqrt(3.0 / (n // t.shape[0]))
            elif key.endswith(".weight") or key.endswith("running_var"):
                v = 1 + 0.1 * v
            else:
                v = 0.1 * v
            t.copy_(v.view(t.shape).to(t.dtype))


for name in NAMES:
    model = getattr(torchvision.models, name)()
    with open(os.path.join(HERE, f"torchvision_{name}.txt"), "w") as f:
        f.write(f"# state_dict of torchvision {torchvision.__version__.split('a')[0]} {name} (torch "
                f"{torch.__version__.split('+')[0]}): key, then dims (none for a scalar); "
                f"{sum(p.numel() for p in model.parameters())} parameters\n")
        for key, t in model.state_dict().items():
            f.write(key + ("" if t.dim() == 0 else " " + ",".join(map(str, t.shape))) + "\n")
    model = getattr(torchvision.models, name)(num_classes=10)
    fill_deterministically(model)
    model.eval()
    x = torch.sin(0.1 * torch.arange(3 * 224 * 224, dtype=torch.float64)).float().view(1, 3, 224, 224)
    with torch.no_grad():
        logits = model(x)[0]
    print(name, ", ".join(f"{v:.6g}f" for v in logits.tolist()))

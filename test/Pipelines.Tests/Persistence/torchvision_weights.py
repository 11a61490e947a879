"""Fixtures for PyTorchWeightsTests: torchvision models with seeded random weights, an input and their logits.

usage: torchvision_weights.py export OUT_DIR         -> OUT_DIR/{name}.pth, input.pth, {name}_logits.pth
       torchvision_weights.py logits NAME WEIGHTS OUT_DIR -> OUT_DIR/{NAME}_roundtrip_logits.pth
"""
import collections
import sys

import torch
import torchvision

NAMES = ["squeezenet1_1", "mobilenet_v3_small"]
SIZE = 96


def model(name):
    return getattr(torchvision.models, name)()


def save(tensors, path):
    torch.save(collections.OrderedDict(tensors), path)


def export(out):
    torch.manual_seed(0)
    x = torch.randn(2, 3, SIZE, SIZE)
    save({"x": x}, f"{out}/input.pth")
    for name in NAMES:
        m = model(name)
        # Non-trivial batch-norm statistics, so evaluation mode is really exercised.
        for module in m.modules():
            if isinstance(module, torch.nn.BatchNorm2d):
                module.running_mean.uniform_(-0.2, 0.2)
                module.running_var.uniform_(0.5, 1.5)
        m.eval()
        torch.save(m.state_dict(), f"{out}/{name}.pth")
        with torch.no_grad():
            save({"logits": m(x)}, f"{out}/{name}_logits.pth")


def logits(name, weights, out):
    m = model(name)
    m.load_state_dict(torch.load(weights))
    m.eval()
    x = torch.load(f"{out}/input.pth")["x"]
    with torch.no_grad():
        save({"logits": m(x)}, f"{out}/{name}_roundtrip_logits.pth")


if __name__ == "__main__":
    if sys.argv[1] == "export":
        export(sys.argv[2])
    else:
        logits(sys.argv[2], sys.argv[3], sys.argv[4])

// TorchSharp's module types by name, without importing TorchSharp.Modules whole: ModelZoo's own
// Sequential and BatchNorm2d (Layers/) take those two names here.
global using TorchSharp;
global using static TorchSharp.torch;
global using AdaptiveAvgPool2d = TorchSharp.Modules.AdaptiveAvgPool2d;
global using Conv2d = TorchSharp.Modules.Conv2d;
global using Dropout = TorchSharp.Modules.Dropout;
global using Linear = TorchSharp.Modules.Linear;
global using MaxPool2d = TorchSharp.Modules.MaxPool2d;
global using F = TorchSharp.torch.nn.functional;
global using Init = TorchSharp.torch.nn.init;
global using AvgPool2d = TorchSharp.Modules.AvgPool2d;
global using Hardswish = TorchSharp.Modules.Hardswish;
global using ReLU = TorchSharp.Modules.ReLU;

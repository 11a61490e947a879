global using TorchSharp;
global using static TorchSharp.torch;
global using Conv2d = TorchSharp.Modules.Conv2d;
global using Linear = TorchSharp.Modules.Linear;
global using F = TorchSharp.torch.nn.functional;
global using ModelZoo.Tests.Shared;
global using ModelZoo.TorchSharpAdditions;
global using ReLU = TorchSharp.Modules.ReLU;

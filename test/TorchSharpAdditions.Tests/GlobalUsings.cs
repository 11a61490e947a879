global using TorchSharp;
global using static TorchSharp.torch;
global using ModelZoo.Tests.Shared;
global using ScalarType = TorchSharp.torch.ScalarType;
global using ModelZoo.Testing;

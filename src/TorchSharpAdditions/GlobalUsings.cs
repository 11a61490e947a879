global using TorchSharp;
global using static TorchSharp.torch;
global using ScalarType = TorchSharp.torch.ScalarType;

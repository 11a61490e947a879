// TorchSharp's module types by name, without importing TorchSharp.Modules whole: ModelZoo's own BatchNorm2d
// (ModelZoo.Zoo.Layers) takes that name here.
global using TorchSharp;
global using static TorchSharp.torch;
global using ModelZoo.Zoo.Layers;
global using Module = TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>;

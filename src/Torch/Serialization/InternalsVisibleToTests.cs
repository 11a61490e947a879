using System.Runtime.CompilerServices;

// The unpickler and pickle writer are internal; their tests feed them exact byte sequences.
[assembly: InternalsVisibleTo("ModelZoo.Torch.Tests")]

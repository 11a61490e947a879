using System.Runtime.CompilerServices;

// The unpickler and pickle writer are internal; their tests feed them exact byte sequences.
[assembly: InternalsVisibleTo("ModelZoo.TorchSharpAdditions.Tests")]
// The image fuzz tests repair PNG chunk checksums with the same CRC-32.
[assembly: InternalsVisibleTo("ModelZoo.Pipelines.Tests")]

using Mono.Cecil;

// Usage: Publicizer INPUT.dll OUTPUT.dll
// Writes a copy of INPUT in which every type, method and field is public and no virtual method demands access
// to override it ("strict"). The copy is a compile-time reference only: the C# compiler then lets ModelZoo.MLNet
// use ML.NET's internal save/load machinery, and the assembly's [IgnoresAccessChecksTo] attributes make the
// runtime accept that against the real, unchanged ML.NET assemblies.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Publicizer INPUT.dll OUTPUT.dll");
    return 1;
}

var (input, output) = (args[0], args[1]);
var resolver = new DefaultAssemblyResolver();
resolver.AddSearchDirectory(Path.GetDirectoryName(Path.GetFullPath(input))!);
using (var assembly = AssemblyDefinition.ReadAssembly(input, new ReaderParameters { AssemblyResolver = resolver, ReadingMode = ReadingMode.Immediate }))
{
    foreach (var type in assembly.Modules.SelectMany(module => module.GetTypes()))
    {
        if (type.IsNested) type.IsNestedPublic = true;
        else type.IsPublic = true;
        foreach (var method in type.Methods)
        {
            method.IsPublic = true;
            method.IsCheckAccessOnOverride = false;
        }
        // A field-like event's backing field has the event's name; made public, it would make every use ambiguous.
        var eventNames = type.Events.Select(e => e.Name).ToHashSet();
        foreach (var field in type.Fields.Where(f => !eventNames.Contains(f.Name)))
            field.IsPublic = true;
    }
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    assembly.Write(output);
}
return 0;

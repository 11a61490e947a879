using System.Buffers.Binary;
using System.Text;

namespace ModelZoo.TorchSharpAdditions.Serialization;

/// <summary>
/// A pickle virtual machine for the opcode subset <c>torch.save</c> emits for state dicts
/// (protocols 2 to 5). It never imports or calls anything itself: globals, calls (REDUCE),
/// persistent ids and BUILD go to <see cref="TorchPickleObjects"/>, which knows a fixed allow-list.
/// </summary>
/// <remarks>
/// Python values map to: None → null, bool, int → long, float → double, str → string,
/// tuple → object?[], list → List&lt;object?&gt;, dict → OrderedDictionary&lt;object, object?&gt;.
/// Every length read from the stream is checked against the bytes that remain before anything is
/// allocated, so a hostile pickle costs at most memory proportional to its own size.
/// </remarks>
internal sealed class RestrictedUnpickler
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _pickle;
    private readonly List<object?> _stack = [];
    private readonly Stack<int> _marks = new();
    private readonly Dictionary<long, object?> _memo = [];
    private int _position;

    private RestrictedUnpickler(byte[] pickle) => _pickle = pickle;

    /// <summary>Runs the pickle to its STOP opcode and returns the object it built.</summary>
    /// <exception cref="FormatProblemException">The pickle is malformed or not allowed.</exception>
    public static object? Load(byte[] pickle) => new RestrictedUnpickler(pickle).Run();

    private object? Run()
    {
        while (true)
        {
            int opcodePosition = _position;
            byte opcode = ReadByte();
            switch (opcode)
            {
                case 0x80: ReadProtocol(); break;                                  // PROTO
                case 0x95: Skip(8); break;                                         // FRAME: a read-ahead hint only
                case (byte)'.': return FinishAt(opcodePosition);                   // STOP

                case (byte)'N': Push(null); break;                                 // NONE
                case 0x88: Push(true); break;                                      // NEWTRUE
                case 0x89: Push(false); break;                                     // NEWFALSE
                case (byte)'K': Push((long)ReadByte()); break;                     // BININT1
                case (byte)'M': Push((long)BinaryPrimitives.ReadUInt16LittleEndian(Take(2))); break; // BININT2
                case (byte)'J': Push((long)BinaryPrimitives.ReadInt32LittleEndian(Take(4))); break;  // BININT
                case 0x8a: Push(ReadLong1()); break;                               // LONG1
                case (byte)'G': Push(BinaryPrimitives.ReadDoubleBigEndian(Take(8))); break;          // BINFLOAT
                case 0x8c: Push(ReadString(ReadByte())); break;                    // SHORT_BINUNICODE
                case (byte)'X': Push(ReadString(BinaryPrimitives.ReadUInt32LittleEndian(Take(4)))); break; // BINUNICODE
                case 0x8d: Push(ReadString(BinaryPrimitives.ReadUInt64LittleEndian(Take(8)))); break;      // BINUNICODE8

                case (byte)'}': Push(new OrderedDictionary<object, object?>()); break; // EMPTY_DICT
                case (byte)']': Push(new List<object?>()); break;                   // EMPTY_LIST
                case (byte)')': Push(Array.Empty<object?>()); break;                // EMPTY_TUPLE
                case (byte)'(': _marks.Push(_stack.Count); break;                   // MARK
                case (byte)'t': Push(PopToMark().ToArray()); break;                 // TUPLE
                case 0x85: Push(PopTuple(1)); break;                                // TUPLE1
                case 0x86: Push(PopTuple(2)); break;                                // TUPLE2
                case 0x87: Push(PopTuple(3)); break;                                // TUPLE3

                case (byte)'q': Memoize(ReadByte()); break;                         // BINPUT
                case (byte)'r': Memoize(BinaryPrimitives.ReadUInt32LittleEndian(Take(4))); break; // LONG_BINPUT
                case 0x94: Memoize(_memo.Count); break;                             // MEMOIZE
                case (byte)'h': Push(Recall(ReadByte())); break;                    // BINGET
                case (byte)'j': Push(Recall(BinaryPrimitives.ReadUInt32LittleEndian(Take(4)))); break; // LONG_BINGET

                case (byte)'s': SetItems(2); break;                                 // SETITEM
                case (byte)'u': SetItems(_stack.Count - PopMark()); break;          // SETITEMS
                case (byte)'a': Append(1); break;                                   // APPEND
                case (byte)'e': Append(_stack.Count - PopMark()); break;            // APPENDS

                case (byte)'c': Push(TorchPickleObjects.ResolveGlobal(ReadLine(), ReadLine())); break; // GLOBAL
                case 0x93: StackGlobal(); break;                                    // STACK_GLOBAL
                case (byte)'R': Reduce(); break;                                    // REDUCE
                case (byte)'b': Build(); break;                                     // BUILD
                case (byte)'Q': Push(TorchPickleObjects.PersistentLoad(Pop())); break; // BINPERSID

                default:
                    throw new FormatProblemException($"pickle opcode 0x{opcode:x2} at byte {opcodePosition} is not supported");
            }
        }
    }

    private void ReadProtocol()
    {
        byte protocol = ReadByte();
        if (protocol is < 2 or > 5)
            throw new FormatProblemException($"pickle protocol {protocol} is not supported (expected 2 to 5)");
    }

    private object? FinishAt(int stopPosition)
    {
        if (_stack.Count != 1 || _marks.Count != 0)
            throw new FormatProblemException($"pickle STOP at byte {stopPosition} leaves {_stack.Count} objects on the stack instead of 1");
        return _stack[0];
    }

    private long ReadLong1()
    {
        // Python writes a minimal two's-complement little-endian integer; state dicts only need 64 bits.
        int length = ReadByte();
        if (length > 8)
            throw new FormatProblemException($"pickle integer of {length} bytes does not fit in 64 bits");
        Span<byte> value = stackalloc byte[8];
        ReadOnlySpan<byte> bytes = Take(length);
        bytes.CopyTo(value);
        if (length > 0 && (sbyte)bytes[length - 1] < 0)
            value[length..].Fill(0xff);
        return BinaryPrimitives.ReadInt64LittleEndian(value);
    }

    private string ReadString(ulong length)
    {
        if (length > (ulong)(_pickle.Length - _position))
            throw new FormatProblemException($"pickle string of {length} bytes at byte {_position} runs past the end ({_pickle.Length} bytes)");
        try
        {
            return StrictUtf8.GetString(Take((int)length));
        }
        catch (DecoderFallbackException)
        {
            throw new FormatProblemException($"pickle string before byte {_position} is not valid UTF-8");
        }
    }

    private string ReadLine()
    {
        int end = Array.IndexOf(_pickle, (byte)'\n', _position);
        if (end < 0)
            throw new FormatProblemException($"pickle GLOBAL name at byte {_position} has no terminating newline");
        string line = ReadString((ulong)(end - _position));
        _position++;
        return line;
    }

    private void StackGlobal()
    {
        if (Pop() is not string name || Pop() is not string module)
            throw new FormatProblemException("pickle STACK_GLOBAL needs two strings on the stack");
        Push(TorchPickleObjects.ResolveGlobal(module, name));
    }

    private void Reduce()
    {
        object? arguments = Pop();
        object? callable = Pop();
        if (arguments is not object?[] tuple)
            throw new FormatProblemException("pickle REDUCE needs an argument tuple");
        Push(TorchPickleObjects.Call(callable, tuple));
    }

    private void Build()
    {
        Pop(); // the state: TorchPickleObjects.Build explains why it is not needed
        TorchPickleObjects.Build(Peek());
    }

    private void SetItems(int count)
    {
        if (count % 2 != 0)
            throw new FormatProblemException("pickle SETITEMS has a key without a value");
        List<object?> pairs = PopItems(count);
        if (Peek() is not OrderedDictionary<object, object?> dict)
            throw new FormatProblemException("pickle SETITEM target is not a dict");
        for (int i = 0; i < pairs.Count; i += 2)
            dict[pairs[i] ?? throw new FormatProblemException("pickle dict key None is not supported")] = pairs[i + 1];
    }

    private void Append(int count)
    {
        List<object?> items = PopItems(count);
        if (Peek() is not List<object?> list)
            throw new FormatProblemException("pickle APPEND target is not a list");
        list.AddRange(items);
    }

    private void Memoize(long index) => _memo[index] = Peek();

    private object? Recall(long index) =>
        _memo.TryGetValue(index, out object? value) ? value : throw new FormatProblemException($"pickle memo slot {index} is read before it is written");

    private void Push(object? value) => _stack.Add(value);

    private object? Peek() =>
        _stack.Count > StackFloor() ? _stack[^1] : throw new FormatProblemException($"pickle stack underflow at byte {_position}");

    private object? Pop()
    {
        object? value = Peek();
        _stack.RemoveAt(_stack.Count - 1);
        return value;
    }

    private object?[] PopTuple(int count) => PopItems(count).ToArray();

    private List<object?> PopItems(int count)
    {
        if (count < 0 || _stack.Count - count < StackFloor())
            throw new FormatProblemException($"pickle stack underflow at byte {_position}");
        List<object?> items = _stack.GetRange(_stack.Count - count, count);
        _stack.RemoveRange(_stack.Count - count, count);
        return items;
    }

    private List<object?> PopToMark() => PopItems(_stack.Count - PopMark());

    private int PopMark() =>
        _marks.TryPop(out int mark) ? mark : throw new FormatProblemException($"pickle MARK expected before byte {_position}");

    // Objects below the innermost MARK belong to an enclosing tuple, dict or list being built.
    private int StackFloor() => _marks.TryPeek(out int mark) ? mark : 0;

    private byte ReadByte() => Take(1)[0];

    private void Skip(int count) => Take(count);

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _pickle.Length - _position)
            throw new FormatProblemException($"pickle ends at byte {_pickle.Length} in the middle of an opcode");
        ReadOnlySpan<byte> bytes = _pickle.AsSpan(_position, count);
        _position += count;
        return bytes;
    }
}

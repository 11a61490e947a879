using System.Buffers.Binary;
using System.Text;

namespace ModelZoo.TorchSharpAdditions.Serialization;

/// <summary>Emits pickle protocol 2 opcodes, the ones <see cref="RestrictedUnpickler"/> reads back.</summary>
internal sealed class PickleWriter
{
    private readonly MemoryStream _output = new();

    /// <summary>Starts a protocol 2 pickle.</summary>
    public PickleWriter() => Write(0x80, 2);

    /// <summary>GLOBAL module.name.</summary>
    public void Global(string module, string name)
    {
        _output.WriteByte((byte)'c');
        _output.Write(Encoding.UTF8.GetBytes($"{module}\n{name}\n"));
    }

    /// <summary>A str, as BINUNICODE.</summary>
    public void String(string value)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(value);
        Span<byte> header = stackalloc byte[5];
        header[0] = (byte)'X';
        BinaryPrimitives.WriteUInt32LittleEndian(header[1..], (uint)utf8.Length);
        _output.Write(header);
        _output.Write(utf8);
    }

    /// <summary>An int, in the shortest of BININT1, BININT2, BININT and LONG1.</summary>
    public void Integer(long value)
    {
        if (value is >= 0 and <= byte.MaxValue)
        {
            Write((byte)'K', (byte)value);
        }
        else if (value is >= 0 and <= ushort.MaxValue)
        {
            Span<byte> bytes = [(byte)'M', 0, 0];
            BinaryPrimitives.WriteUInt16LittleEndian(bytes[1..], (ushort)value);
            _output.Write(bytes);
        }
        else if (value is >= int.MinValue and <= int.MaxValue)
        {
            Span<byte> bytes = [(byte)'J', 0, 0, 0, 0];
            BinaryPrimitives.WriteInt32LittleEndian(bytes[1..], (int)value);
            _output.Write(bytes);
        }
        else
        {
            // LONG1: two's complement, little-endian, without redundant sign bytes (as Python writes it).
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
            int length = 8;
            while (length > 1 && IsRedundantSignByte(bytes, length))
                length--;
            Write(0x8a, (byte)length);
            _output.Write(bytes[..length]);
        }
    }

    /// <summary>NEWTRUE or NEWFALSE.</summary>
    public void Boolean(bool value) => Write(value ? (byte)0x88 : (byte)0x89);

    /// <summary>A tuple of integers (EMPTY_TUPLE, TUPLE1..3, or MARK ... TUPLE).</summary>
    public void IntegerTuple(IReadOnlyList<long> values)
    {
        if (values.Count == 0)
        {
            Write((byte)')');
            return;
        }
        if (values.Count > 3)
            Mark();
        foreach (long value in values)
            Integer(value);
        Write((byte)(values.Count switch { 1 => 0x85, 2 => 0x86, 3 => 0x87, _ => 't' }));
    }

    /// <summary>MARK: the start of the items a later TUPLE or SETITEMS collects.</summary>
    public void Mark() => Write((byte)'(');

    /// <summary>TUPLE: the items since the last MARK as a tuple.</summary>
    public void TupleFromMark() => Write((byte)'t');

    /// <summary>EMPTY_TUPLE.</summary>
    public void EmptyTuple() => Write((byte)')');

    /// <summary>REDUCE: calls the callable below the argument tuple on top of the stack.</summary>
    public void Reduce() => Write((byte)'R');

    /// <summary>BINPERSID: the top of the stack is a persistent id.</summary>
    public void PersistentId() => Write((byte)'Q');

    /// <summary>SETITEMS: the key/value pairs since the last MARK go into the dict below them.</summary>
    public void SetItemsFromMark() => Write((byte)'u');

    /// <summary>STOP, then the whole pickle.</summary>
    public byte[] Finish()
    {
        Write((byte)'.');
        return _output.ToArray();
    }

    private static bool IsRedundantSignByte(ReadOnlySpan<byte> bytes, int length)
    {
        byte top = bytes[length - 1];
        bool nextIsNegative = (sbyte)bytes[length - 2] < 0;
        return (top == 0x00 && !nextIsNegative) || (top == 0xff && nextIsNegative);
    }

    private void Write(params ReadOnlySpan<byte> bytes) => _output.Write(bytes);
}

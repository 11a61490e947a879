using ModelZoo.TorchSharpAdditions.Serialization;

namespace ModelZoo.TorchSharpAdditions.Tests.Serialization;

public sealed class RestrictedUnpicklerTests
{
    // pickle.dumps([1, 300, 70000, 2**40, -5, -2**63, 1.5, True, False, None, 'é', (1, 2, 3, 4), {'a': [2]}], protocol=2)
    private static readonly byte[] Protocol2 =
    [
        0x80, 0x02, 0x5d, 0x71, 0x00, 0x28, 0x4b, 0x01, 0x4d, 0x2c, 0x01, 0x4a, 0x70, 0x11, 0x01, 0x00, 0x8a, 0x06, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x01, 0x4a, 0xfb, 0xff, 0xff, 0xff, 0x8a, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x47,
        0x3f, 0xf8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x88, 0x89, 0x4e, 0x58, 0x02, 0x00, 0x00, 0x00, 0xc3, 0xa9, 0x71, 0x01,
        0x28, 0x4b, 0x01, 0x4b, 0x02, 0x4b, 0x03, 0x4b, 0x04, 0x74, 0x71, 0x02, 0x7d, 0x71, 0x03, 0x58, 0x01, 0x00, 0x00, 0x00,
        0x61, 0x71, 0x04, 0x5d, 0x71, 0x05, 0x4b, 0x02, 0x61, 0x73, 0x65, 0x2e,
    ];

    // The same list at protocol 4: FRAME, SHORT_BINUNICODE and MEMOIZE instead of BINUNICODE and BINPUT.
    private static readonly byte[] Protocol4 =
    [
        0x80, 0x04, 0x95, 0x4e, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x5d, 0x94, 0x28, 0x4b, 0x01, 0x4d, 0x2c, 0x01, 0x4a,
        0x70, 0x11, 0x01, 0x00, 0x8a, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x4a, 0xfb, 0xff, 0xff, 0xff, 0x8a, 0x08, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x47, 0x3f, 0xf8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x88, 0x89, 0x4e, 0x8c,
        0x02, 0xc3, 0xa9, 0x94, 0x28, 0x4b, 0x01, 0x4b, 0x02, 0x4b, 0x03, 0x4b, 0x04, 0x74, 0x94, 0x7d, 0x94, 0x8c, 0x01, 0x61,
        0x94, 0x5d, 0x94, 0x4b, 0x02, 0x61, 0x73, 0x65, 0x2e,
    ];

    public static TheoryData<string> Protocols => ["2", "4"];

    [Theory]
    [MemberData(nameof(Protocols))]
    public void PlainValuesPickledByPythonComeBackExactly(string protocol)
    {
        var list = Assert.IsType<List<object?>>(RestrictedUnpickler.Load(protocol == "2" ? Protocol2 : Protocol4));

        Assert.Equal(13, list.Count);
        Assert.Equal<object?>([1L, 300L, 70000L, 1L << 40, -5L, long.MinValue, 1.5, true, false, null, "é"], list.Take(11));
        Assert.Equal<object?>([1L, 2L, 3L, 4L], Assert.IsType<object?[]>(list[11]));
        var dict = Assert.IsType<OrderedDictionary<object, object?>>(list[12]);
        Assert.Equal("a", Assert.Single(dict.Keys));
        Assert.Equal<object?>([2L], Assert.IsType<List<object?>>(dict["a"]));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(255L)]
    [InlineData(256L)]
    [InlineData(65535L)]
    [InlineData(65536L)]
    [InlineData(-1L)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue + 1L)]
    [InlineData(-(1L << 40))]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void IntegersWrittenByPickleWriterReadBack(long value)
    {
        var pickle = new PickleWriter();
        pickle.Integer(value);

        Assert.Equal(value, RestrictedUnpickler.Load(pickle.Finish()));
    }

    [Fact]
    public void LargeIntegersAreWrittenAsPythonWritesThem()
    {
        // pickle.dumps(2**40, protocol=2) == b'\x80\x02\x8a\x06\x00\x00\x00\x00\x00\x01.'
        var expected = new byte[] { 0x80, 0x02, 0x8a, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, (byte)'.' };
        var written = new PickleWriter();
        written.Integer(1L << 40);
        Assert.Equal(expected, written.Finish());
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0x02, (byte)'.' }, "leaves 0 objects on the stack")]
    [InlineData(new byte[] { 0x80, 0x02, (byte)'N', (byte)'N', (byte)'.' }, "leaves 2 objects on the stack")]
    [InlineData(new byte[] { 0x80, 0x02, (byte)'h', 7, (byte)'.' }, "memo slot 7 is read before it is written")]
    [InlineData(new byte[] { 0x80, 0x02, (byte)'N', (byte)'t', (byte)'.' }, "MARK expected")]
    [InlineData(new byte[] { 0x80, 0x02, (byte)'N', (byte)'(', (byte)'a', (byte)'.' }, "stack underflow")]
    [InlineData(new byte[] { 0x80, 0x02, (byte)'J', 1, 2 }, "ends at byte 5 in the middle of an opcode")]
    [InlineData(new byte[] { 0x80, 0x02, (byte)'i', (byte)'.' }, "opcode 0x69 at byte 2 is not supported")]
    [InlineData(new byte[] { 0x80, 0x01, (byte)'.' }, "protocol 1 is not supported")]
    [InlineData(new byte[] { 0x80, 0x02, 0x8a, 9, 0, 0, 0, 0, 0, 0, 0, 0, 1, (byte)'.' }, "does not fit in 64 bits")]
    [InlineData(new byte[] { 0x80, 0x02, (byte)'X', 1, 0, 0, 0, 0xff, (byte)'.' }, "not valid UTF-8")]
    [InlineData(new byte[] { 0x80, 0x02, (byte)'c', (byte)'o', (byte)'s' }, "no terminating newline")]
    [InlineData(new byte[] { 0x80, 0x02, (byte)']', (byte)'}', (byte)'b', (byte)'.' }, "BUILD sets state on List`1")]
    public void MalformedPicklesAreRefusedWithTheReason(byte[] pickle, string expectedProblem)
    {
        var error = Assert.Throws<FormatProblemException>(() => RestrictedUnpickler.Load(pickle));

        Assert.Contains(expectedProblem, error.Message);
    }
}

using System.Text;
using MotCua.Features.Citizens.Contracts;

namespace MotCua.Tests.Features.Citizens;

public sealed class IdCardQrTests
{
    private const string Valid = "001090123456|012345678|Nguyễn Văn An|01011990|Nam|Số 1 ngõ 2, phường Trung Văn, Hà Nội|15042021";
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public void Valid_line_is_read_field_by_field()
    {
        var (card, errors) = IdCardQr.Parse(Valid, Today);
        Assert.Empty(errors);
        Assert.NotNull(card);
        Assert.Equal("001090123456", card.IdNumber);
        Assert.Equal("012345678", card.OldIdNumber);
        Assert.Equal("Nguyễn Văn An", card.FullName);
        Assert.Equal(new DateOnly(1990, 1, 1), card.DateOfBirth);
        Assert.Equal(Sex.Male, card.Sex);
        Assert.Equal(new DateOnly(2021, 4, 15), card.IssueDate);
        Assert.Equal("001", card.BirthProvinceCode);
        Assert.Empty(card.Warnings);
    }

    [Theory]
    [InlineData("  001090123456|012345678|Nguyễn Văn An|01011990|Nam|Số 1 ngõ 2|15042021\r\n")]
    [InlineData("001090123456||Nguyễn  Văn   An |01011990| Nam |Số 1 ngõ 2|15042021")]
    [InlineData("001090123456|012345678|Nguyễn Văn An|01011990|Nam|Số 1 ngõ 2|15042021|extra|fields")]
    public void Stray_whitespace_empty_old_id_and_extra_fields_are_tolerated(string line)
    {
        var (card, errors) = IdCardQr.Parse(line, Today);
        Assert.Empty(errors);
        Assert.Equal("Nguyễn Văn An", card!.FullName);
        Assert.Equal(Sex.Male, card.Sex);
    }

    [Fact]
    public void Empty_old_id_is_null_and_extra_fields_are_a_warning()
    {
        var (card, _) = IdCardQr.Parse("001090123456||Nguyễn Văn An|01011990|Nam|Số 1|15042021|x", Today);
        Assert.Null(card!.OldIdNumber);
        Assert.Single(card.Warnings);
    }

    [Fact]
    public void Utf8_typed_as_Latin1_by_a_scanner_is_repaired()
    {
        var mojibake = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(Valid));
        Assert.NotEqual(Valid, mojibake);
        var (card, errors) = IdCardQr.Parse(mojibake, Today);
        Assert.Empty(errors);
        Assert.Equal("Nguyễn Văn An", card!.FullName);
    }

    [Fact]
    public void Decomposed_accents_are_normalised_to_NFC()
    {
        var (card, _) = IdCardQr.Parse(Valid.Normalize(NormalizationForm.FormD), Today);
        Assert.Equal("Nguyễn Văn An".Normalize(NormalizationForm.FormC), card!.FullName);
        Assert.True(card.FullName.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Female_card_reads_Nu()
    {
        var (card, errors) = IdCardQr.Parse("001190123456||Trần Thị Bình|02021990|Nữ|Hà Nội|01012022", Today);
        Assert.Empty(errors);
        Assert.Equal(Sex.Female, card!.Sex);
        Assert.Empty(card.Warnings);
    }

    [Theory]
    [InlineData("001090123456|012345678|Nguyễn Văn An", "qr")]
    [InlineData("not a card", "qr")]
    [InlineData("", "qr")]
    [InlineData("00109012345|012345678|Nguyễn Văn An|01011990|Nam|Hà Nội|15042021", "idNumber")]
    [InlineData("00109012345A|012345678|Nguyễn Văn An|01011990|Nam|Hà Nội|15042021", "idNumber")]
    [InlineData("003090123456|012345678|Nguyễn Văn An|01011990|Nam|Hà Nội|15042021", "idNumber")]
    [InlineData("001090123456|012345678||01011990|Nam|Hà Nội|15042021", "fullName")]
    [InlineData("001090123456|012345678|Nguyễn Văn An|31021990|Nam|Hà Nội|15042021", "dateOfBirth")]
    [InlineData("001090123456|012345678|Nguyễn Văn An|1990-01-01|Nam|Hà Nội|15042021", "dateOfBirth")]
    [InlineData("001090123456|012345678|Nguyễn Văn An|01012099|Nam|Hà Nội|15042021", "dateOfBirth")]
    [InlineData("001090123456|012345678|Nguyễn Văn An|01011990|X|Hà Nội|15042021", "sex")]
    [InlineData("001090123456|012345678|Nguyễn Văn An|01011990|Nam||15042021", "address")]
    [InlineData("001090123456|012345678|Nguyễn Văn An|01011990|Nam|Hà Nội|99999999", "issueDate")]
    [InlineData("001090123456|0123|Nguyễn Văn An|01011990|Nam|Hà Nội|15042021", "oldIdNumber")]
    public void Each_way_a_line_can_be_wrong_names_its_field(string line, string field)
    {
        var (card, errors) = IdCardQr.Parse(line, Today);
        Assert.Null(card);
        Assert.True(errors.ContainsKey(field), $"{field} in {string.Join(",", errors.Keys)}");
        Assert.All(errors.Values.SelectMany(m => m), m => Assert.False(string.IsNullOrWhiteSpace(m)));
    }

    [Fact]
    public void Id_digits_disagreeing_with_birth_year_or_sex_are_warnings_not_errors()
    {
        // Digit 4 = 1 says female born in the 1900s; digits 5–6 say 1985.
        var (card, errors) = IdCardQr.Parse("001185123456||Nguyễn Văn An|01011990|Nam|Hà Nội|15042021", Today);
        Assert.Empty(errors);
        Assert.Equal(2, card!.Warnings.Count);
    }

    [Theory]
    [InlineData("001090123456", true)]
    [InlineData("079300123456", true)]
    [InlineData("123090123456", true)] // birth registered abroad
    [InlineData("003090123456", false)] // no province 003
    [InlineData("00109012345", false)]
    [InlineData("0010901234567", false)]
    [InlineData("00109O123456", false)]
    public void Id_number_form_is_validated(string number, bool valid) => Assert.Equal(valid, CitizenIdNumber.IsValid(number));

    [Fact]
    public void Century_digit_decodes_2000s_births()
    {
        Assert.Empty(CitizenIdNumber.Inconsistencies("001205123456", new DateOnly(2005, 3, 1), Sex.Male));
        Assert.Empty(CitizenIdNumber.Inconsistencies("001305123456", new DateOnly(2005, 3, 1), Sex.Female));
        Assert.NotEmpty(CitizenIdNumber.Inconsistencies("001205123456", new DateOnly(1905, 3, 1), Sex.Male));
    }

    [Fact]
    public void Lists_show_only_the_last_three_digits() => Assert.Equal("•••••••••456", CitizenIdNumber.Mask("001090123456"));

    /// <summary>
    /// The identity card of the Law on Identification (Luật Căn cước 2023, in force 1/7/2024): no old ID number, the
    /// residence possibly left out of the code, more fields after the seventh; read with the same checks.
    /// </summary>
    [Theory]
    [InlineData("001090123456||Nguyễn Văn An|01011990|Nam|Số 1 ngõ 2, phường Trung Văn, Hà Nội|01072024")]
    [InlineData("001090123456||Nguyễn Văn An|01011990|Nam||15082025")]
    [InlineData("001090123456||Nguyễn Văn An|01011990|Nam||15082025|01011990|Hà Nội")]
    public void Law_on_Identification_2023_the_card_issued_from_1_July_2024_is_read_too(string line)
    {
        var (card, errors) = IdCardQr.Parse(line, Today);
        Assert.Empty(errors);
        Assert.True(card!.IdentityCard);
        Assert.Null(card.OldIdNumber);
        Assert.Equal("Nguyễn Văn An", card.FullName);
        Assert.Equal(card.Address.Length == 0, card.Warnings.Count == 1); // a missing residence is a warning to ask, nothing else
        Assert.DoesNotContain(card.Warnings, w => w.Contains("thừa", StringComparison.Ordinal));
    }

    [Fact]
    public void Law_on_Identification_2023_a_card_before_1_July_2024_still_needs_its_residence_and_the_new_one_its_checks()
    {
        var (old, oldErrors) = IdCardQr.Parse("001090123456||Nguyễn Văn An|01011990|Nam||30062024", Today);
        Assert.Null(old);
        Assert.Equal(["address"], oldErrors.Keys);
        Assert.False(IdCardQr.Parse(Valid, Today).Card!.IdentityCard);

        var (bad, errors) = IdCardQr.Parse("00109012345||Nguyễn Văn 4n|01011990|X||15082025|more", Today);
        Assert.Null(bad);
        Assert.Equal(["fullName", "idNumber", "sex"], errors.Keys.Order(StringComparer.Ordinal));
    }
}

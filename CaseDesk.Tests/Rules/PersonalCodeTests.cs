using CaseDesk.Domain.Clients;

namespace CaseDesk.Tests.Rules;

public sealed class PersonalCodeTests
{
    [Theory]
    [InlineData("33309240064")] // the code published as an example by the Residents' Register
    [InlineData("49001011238")]
    [InlineData("61005150019")]
    public void Valid_codes_pass(string code) => Assert.True(PersonalCode.IsValid(code));

    [Theory]
    [InlineData("33309240065")] // wrong check digit
    [InlineData("3330924006")] // 10 digits
    [InlineData("333092400640")] // 12 digits
    [InlineData("7330924006X")]
    [InlineData("73309240064")] // no such century digit
    [InlineData("33313240069")] // month 13
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_codes_fail(string? code) => Assert.False(PersonalCode.IsValid(code));

    [Fact]
    public void The_second_weights_are_used_when_the_first_sum_leaves_ten()
    {
        // 4721231999x: first weighted sum mod 11 is 10, so the check digit comes from the second weights.
        Assert.Equal(5, PersonalCode.CheckDigit("4721231999"));
        Assert.True(PersonalCode.IsValid("47212319995"));
    }

    [Fact]
    public void Birth_date_and_mask_come_from_the_code()
    {
        Assert.Equal(new DateOnly(1933, 9, 24), PersonalCode.BirthDate("33309240064"));
        Assert.Equal(new DateOnly(2010, 5, 15), PersonalCode.BirthDate("61005150019"));
        Assert.Equal("3••••••••64", PersonalCode.Mask("33309240064"));
    }

    [Theory]
    [InlineData("Žukauskaitė  Laura", "zukauskaite laura")]
    [InlineData(" Petraitienė Ona ", "petraitiene ona")]
    [InlineData("ŠČĘĖĮŲŪ", "sceeiuu")]
    public void Search_keys_fold_lithuanian_letters_and_spaces(string name, string key) => Assert.Equal(key, Client.SearchKey(name));

    [Theory]
    [InlineData("+370 612 34567", "61234567")]
    [InlineData("8 612 34567", "61234567")]
    [InlineData("(8-315) 56 660", "31556660")]
    public void Phone_keys_are_national_digits(string phone, string key) => Assert.Equal(key, Client.PhoneSearchKey(phone));
}

using CaseDesk.Domain.Public;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Public;

/// <summary>The tracking code: random, long enough not to be guessed, forgiving as typed, and never stored in clear.</summary>
public sealed class TrackingCodeTests
{
    [Fact]
    public void A_thousand_codes_are_distinct_carry_at_least_80_bits_and_read_back_as_typed()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => TrackingCode.New()).ToList();

        Assert.True(TrackingCode.Bits >= 80, $"{TrackingCode.Bits} bits");
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code =>
        {
            var normalized = TrackingCode.Normalize(code);
            Assert.NotNull(normalized);
            Assert.Equal(TrackingCode.Length, normalized.Length);
            Assert.Equal(code, TrackingCode.Format(normalized));
        });
        // Every character of the alphabet turns up somewhere: the codes use all 5 bits of each place.
        Assert.Equal(32, codes.SelectMany(c => c.Replace("-", "")).Distinct().Count());
    }

    [Theory]
    [InlineData("7kq2-m9xd-0000-1111-abcd", "7KQ2M9XD00001111ABCD")]
    [InlineData(" 7KQ2 M9XD OOOO IIII ABCD ", "7KQ2M9XD00001111ABCD")]
    [InlineData("7KQ2M9XDooooLlLlABCD", "7KQ2M9XD00001111ABCD")]
    [InlineData("7-K-Q-2-M-9-X-D-0-0-0-0-1-1-1-1-A-B-C-D", "7KQ2M9XD00001111ABCD")]
    public void Typing_forgives_case_dashes_spaces_and_the_look_alike_letters(string typed, string expected) =>
        Assert.Equal(expected, TrackingCode.Normalize(typed));

    [Theory]
    [InlineData("7KQ2M9XD00001111ABC")]
    [InlineData("7KQ2M9XD00001111ABCDE")]
    [InlineData("7KQ2M9XD00001111ABCU")]
    [InlineData("7KQ2M9XD0000111!ABCD")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_no_code(string? typed) => Assert.Null(TrackingCode.Normalize(typed));

    [Fact]
    public async Task A_second_ticket_with_the_same_form_key_is_refused_by_the_unique_index_and_recognized_as_the_same_form()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.Send(SubmitPublicFeedbackTests.Form(key: "form-7"), Domain.Common.Caller.Public);
        // Another complaint (registered by staff, so without a ticket): only the form's key is the same.
        var complaintId = await database.RegisterFeedbackAsync(await database.CreateCallerAsync(Domain.Common.Roles.Reception));

        await using var db = database.OpenDb();
        db.PublicFeedbackTickets.Add(new PublicFeedbackTicket
        {
            Id = Guid.NewGuid(), ComplaintId = complaintId, CodeHash = TrackingCode.Hash("X"), SubmissionKey = "form-7", Language = "lt",
            CreatedAtUtc = database.Clock.UtcDateTime,
        });
        var clash = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.True(PublicFeedbackRules.IsSubmissionKeyClash(clash), clash.InnerException?.Message);
    }
}

using CaseDesk.Domain.Work;

namespace CaseDesk.Tests.UseCases.Work;

/// <summary>My work's titles join only the parts that are there (issue 15: "Matas Berūnas · · Aptarti...").</summary>
public sealed class WorkTitleTests
{
    [Theory]
    [InlineData("Matas Berūnas", "+370 612 34567", "Matas Berūnas · +370 612 34567")]
    [InlineData("Matas Berūnas", "", "Matas Berūnas")]
    [InlineData("Matas Berūnas", "  ", "Matas Berūnas")]
    [InlineData("Matas Berūnas", null, "Matas Berūnas")]
    [InlineData("", "+370 612 34567", "+370 612 34567")]
    [InlineData(" SP-2026-000001 ", "Pagalba į namus", "SP-2026-000001 · Pagalba į namus")]
    public void Blank_parts_leave_no_separator(string? first, string? second, string expected) =>
        Assert.Equal(expected, GetMyWorkHandler.Join(first, second));
}

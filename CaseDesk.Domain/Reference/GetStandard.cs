using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Reference;

/// <summary>The standard's touchpoints, commitments, client groups and units, for the read-only reference page and pickers.</summary>
[AnyStaff]
public sealed record GetStandard : IQuery<StandardDetails>;

public sealed record StandardDetails(
    IReadOnlyList<TouchpointRow> Touchpoints,
    IReadOnlyList<CommitmentRow> Commitments,
    IReadOnlyList<ClientGroupRow> ClientGroups,
    IReadOnlyList<UnitRow> Units);

public sealed record TouchpointRow(int Number, JourneyPhase Phase, string NameLt, string NameEn, string NeedsLt, string NeedsEn, string RepresentativesLt, string RepresentativesEn);
public sealed record CommitmentRow(int Number, string Numeral, string TitleLt, string TitleEn, string SummaryLt, string SummaryEn, bool IsMeasured);
public sealed record ClientGroupRow(string Code, string NameLt, string NameEn);
public sealed record UnitRow(Guid Id, string Code, string NameLt, string NameEn);

internal sealed class GetStandardHandler(CaseDeskDb db) : IRequestHandler<GetStandard, StandardDetails>
{
    public async Task<StandardDetails> Handle(GetStandard request, CancellationToken ct) => new(
        await db.Touchpoints.AsNoTracking().OrderBy(t => t.Number)
            .Select(t => new TouchpointRow(t.Number, t.Phase, t.NameLt, t.NameEn, t.NeedsLt, t.NeedsEn, t.RepresentativesLt, t.RepresentativesEn))
            .ToListAsync(ct),
        await db.Commitments.AsNoTracking().OrderBy(c => c.Number)
            .Select(c => new CommitmentRow(c.Number, c.Numeral, c.TitleLt, c.TitleEn, c.SummaryLt, c.SummaryEn, c.IsMeasured))
            .ToListAsync(ct),
        await db.ClientGroups.AsNoTracking().OrderBy(g => g.SortOrder)
            .Select(g => new ClientGroupRow(g.Code, g.NameLt, g.NameEn))
            .ToListAsync(ct),
        await db.OrgUnits.AsNoTracking().OrderBy(u => EF.Functions.Collate(u.NameLt, CaseDeskDb.LithuanianCollation))
            .Select(u => new UnitRow(u.Id, u.Code, u.NameLt, u.NameEn))
            .ToListAsync(ct));
}

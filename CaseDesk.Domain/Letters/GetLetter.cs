using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Common.Pipeline;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Letters;

/// <summary>
/// One letter with its recipient and author, for editing, the print view and the PDF. A purpose (e.g. the PDF download) goes
/// to the audit row, so the log tells a letter taken away as a file from one read on screen.
/// </summary>
[AllowedRoles(Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record GetLetter(Guid Id, string? Purpose = null) : IQuery<LetterDetails>, IReadsPersonalData, IHasReadPurpose
{
    public const string PdfPurpose = "PDF";

    Guid? IReadsPersonalData.ClientId => null;
    string IHasReadPurpose.ReadPurpose => Purpose ?? "";
}

internal sealed class GetLetterValidator : AbstractValidator<GetLetter>
{
    public GetLetterValidator() => RuleFor(r => r.Purpose).SingleLine();
}

public sealed record LetterDetails(
    Guid Id, Guid Version, Guid CaseId, string CaseNumber, Guid ClientId, string ClientName, string? ClientAddress,
    string Subject, string Body, DateTime RequestedAtUtc, DateTime CreatedAtUtc,
    string Author, string AuthorPosition, string AuthorPhone, string AuthorUnit,
    DateTime? SentAtUtc, LetterChannel? Channel, ClientLanguage Language = ClientLanguage.Lithuanian,
    ClientLanguage ClientLanguage = ClientLanguage.Lithuanian, string? Salutation = null) : IHasClientId
{
    public bool IsSent => SentAtUtc is not null;
}

internal sealed class GetLetterHandler(CaseDeskDb db) : IRequestHandler<GetLetter, LetterDetails>
{
    public async Task<LetterDetails> Handle(GetLetter request, CancellationToken ct)
    {
        var letter = await db.InformationLetters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == request.Id, ct)
            ?? throw new NotFoundException("Letter", request.Id);
        var @case = await db.Cases.AsNoTracking().Where(c => c.Id == letter.CaseId).Select(c => new { c.Number, c.UnitId }).SingleAsync(ct);
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == letter.ClientId)
            .Select(c => new { c.FirstName, c.LastName, c.Address, c.Language }).SingleAsync(ct);
        var author = await LetterAuthors.FindAsync(db, letter.CreatedByUserId, @case.UnitId, ct);
        return new LetterDetails(letter.Id, letter.Version, letter.CaseId, @case.Number, letter.ClientId, $"{client.FirstName} {client.LastName}",
            client.Address, letter.Subject, letter.Body, letter.RequestedAtUtc, letter.CreatedAtUtc,
            author.Name, author.Position, author.Phone, author.Unit, letter.SentAtUtc, letter.Channel, letter.Language, client.Language,
            StandardLetterTemplates.Salutation(letter.Language, client.FirstName, client.LastName));
    }
}

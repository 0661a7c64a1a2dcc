using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Privacy;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Clients;

/// <summary>
/// The client list: search by name prefix (last or first name first, diacritics optional), phone,
/// or a full personal code. The personal code is never part of a row.
/// </summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record FindClients(ListWindow Window) : IQuery<Page<ClientRow>>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record ClientRow(Guid ClientId, string FullName, string? Phone, DateOnly? BirthDate, ClientLanguage Language,
    bool MeetWithTwoEmployees, int OpenCases) : IHasClientId;

internal sealed class FindClientsValidator : AbstractValidator<FindClients>
{
    public FindClientsValidator() => RuleFor(r => r.Window).ValidWindow();
}

internal sealed class FindClientsHandler(CaseDeskDb db, IPersonalCodeProtector protector) : IRequestHandler<FindClients, Page<ClientRow>>
{
    public async Task<Page<ClientRow>> Handle(FindClients request, CancellationToken ct)
    {
        var w = request.Window;
        var query = db.Clients.AsNoTracking();
        var search = w.Search?.Trim() ?? "";
        if (PersonalCode.IsValid(search))
        {
            var hash = await protector.LookupHashAsync(search, ct);
            query = query.Where(c => c.PersonalCodeHash == hash);
        }
        else if (search.Length > 0 && search.All(ch => char.IsAsciiDigit(ch) || " +-()".Contains(ch)))
        {
            var phone = Client.PhoneSearchKey(search) ?? "";
            query = query.Where(c => c.PhoneKey != null && string.Compare(c.PhoneKey, phone) >= 0 && string.Compare(c.PhoneKey, phone + "\uffff") < 0);
        }
        else if (search.Length > 0)
        {
            // Range on the normalised keys walks IX_Clients_NameKey / IX_Clients_FirstNameKey instead of scanning.
            var key = Client.SearchKey(search);
            var upper = key + "\uffff";
            query = query.Where(c => (string.Compare(c.NameKey, key) >= 0 && string.Compare(c.NameKey, upper) < 0)
                || (string.Compare(c.FirstNameKey, key) >= 0 && string.Compare(c.FirstNameKey, upper) < 0));
        }

        var total = await query.CountAsync(ct);
        query = w.Descending ? query.OrderByDescending(c => c.NameKey) : query.OrderBy(c => c.NameKey);
        var rows = await query.Skip(w.Skip).Take(w.Take)
            .Select(c => new ClientRow(c.Id, c.FirstName + " " + c.LastName, c.Phone, c.BirthDate, c.Language, c.MeetWithTwoEmployees,
                db.Cases.Count(k => k.ClientId == c.Id && k.Status != Cases.CaseStatus.Closed)))
            .ToListAsync(ct);
        return new Page<ClientRow>(rows, total);
    }
}

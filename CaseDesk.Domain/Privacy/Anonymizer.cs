using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Privacy;

/// <summary>What anonymized records carry instead of personal data.</summary>
public static class Anonymization
{
    /// <summary>Replaces names.</summary>
    public const string Name = "Anonimizuota";

    /// <summary>Replaces free text (summaries, messages, letters, complaint texts).</summary>
    public const string Redacted = "[pašalinta]";

    public static readonly string NameKey = Client.SearchKey($"{Name} {Name}");

    public static readonly string NameOrder = Client.SortKey(Name, Name);
}

/// <summary>
/// Anonymizes records in place: personal fields are replaced (names → <see cref="Anonymization.Name"/>,
/// codes, phones, e-mail addresses and addresses → empty, free text → <see cref="Anonymization.Redacted"/>).
/// Rows are never deleted and the columns the statistics read are never written: clock kinds,
/// commitments, touchpoints, units, owners, times and states; complaint stages, root causes, tags and
/// dates; contact touchpoints, channels and times. Set-based updates in the caller's transaction; the
/// version of every editable row is renewed so an editor that loaded it before cannot write it back.
/// </summary>
internal sealed class Anonymizer(CaseDeskDb db)
{
    private const string Redacted = Anonymization.Redacted;
    private static readonly string RedactedKey = Client.SearchKey(Redacted);

    /// <summary>Everything held on these clients: the client, household, cases and every linked record. Returns counts per kind.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ClientsAsync(IReadOnlyCollection<Guid> clientIds, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>();
        var version = Guid.NewGuid();
        counts["Clients"] = await db.Clients.Where(c => clientIds.Contains(c.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.FirstName, Anonymization.Name)
            .SetProperty(c => c.LastName, Anonymization.Name)
            .SetProperty(c => c.NameKey, Anonymization.NameKey)
            .SetProperty(c => c.FirstNameKey, Anonymization.NameKey)
            .SetProperty(c => c.NameOrder, Anonymization.NameOrder)
            .SetProperty(c => c.PersonalCodeHash, (string?)null)
            .SetProperty(c => c.PersonalCodeCipher, (string?)null)
            .SetProperty(c => c.BirthDate, (DateOnly?)null)
            .SetProperty(c => c.Phone, (string?)null)
            .SetProperty(c => c.PhoneKey, (string?)null)
            .SetProperty(c => c.Email, (string?)null)
            .SetProperty(c => c.Address, (string?)null)
            .SetProperty(c => c.LanguageNote, (string?)null)
            .SetProperty(c => c.AccessibilityNeeds, (string?)null)
            .SetProperty(c => c.MeetWithTwoEmployees, false)
            .SetProperty(c => c.SafetyNote, (string?)null)
            .SetProperty(c => c.Version, version), ct);
        await db.HouseholdMembers.Where(h => clientIds.Contains(h.ClientId)).ExecuteUpdateAsync(s => s
            .SetProperty(h => h.Name, Anonymization.Name)
            .SetProperty(h => h.BirthYear, (int?)null), ct);

        var caseIds = db.Cases.Where(k => clientIds.Contains(k.ClientId)).Select(k => k.Id);
        counts["Cases"] = await db.Cases.Where(k => clientIds.Contains(k.ClientId)).ExecuteUpdateAsync(s => s
            .SetProperty(k => k.ServiceRequested, Redacted)
            .SetProperty(k => k.ServiceKey, RedactedKey)
            .SetProperty(k => k.OutcomeNote, k => k.OutcomeNote == null ? null : Redacted)
            .SetProperty(k => k.Version, version), ct);
        await db.CaseStatusChanges.Where(h => caseIds.Contains(h.CaseId)).ExecuteUpdateAsync(s => s
            .SetProperty(h => h.Note, h => h.Note == null ? null : Redacted), ct);

        counts["Contacts"] = await ContactsAsync(db.Contacts.Where(c => clientIds.Contains(c.ClientId)), ct);
        counts["Promises"] = await PromisesAsync(db.Promises.Where(p => clientIds.Contains(p.ClientId)), ct);
        counts["PhoneMessages"] = await PhoneMessagesAsync(db.PhoneMessages.Where(m => m.ClientId != null && clientIds.Contains(m.ClientId.Value)), ct);
        counts["Emails"] = await EmailsAsync(db.EmailEnquiries.Where(e => e.ClientId != null && clientIds.Contains(e.ClientId.Value)), ct);
        counts["Letters"] = await LettersAsync(db.InformationLetters.Where(l => clientIds.Contains(l.ClientId)), ct);
        counts["HomeVisits"] = await VisitsAsync(db.HomeVisits.Where(v => clientIds.Contains(v.ClientId)), ct);
        counts["Complaints"] = await ComplaintsAsync(db.Complaints.Where(c => c.ClientId != null && clientIds.Contains(c.ClientId.Value)), ct);
        await db.ResponseClocks.Where(c => c.ClientId != null && clientIds.Contains(c.ClientId.Value) && c.PauseReason != null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PauseReason, Redacted), ct);
        // Incidents about the client (issue 7): the source's text and the anonymizer's list of replacements name people.
        // The training copies were anonymized, but the anonymizer cannot know every identifying detail (docs/training.md),
        // so after an erasure they are withdrawn from the library (back to draft) with their text redacted as well.
        var incidentIds = db.Incidents
            .Where(i => (i.ClientId != null && clientIds.Contains(i.ClientId.Value))
                || db.IncidentPeople.Any(p => p.IncidentId == i.Id && p.ClientId != null && clientIds.Contains(p.ClientId.Value)))
            .Select(i => i.Id);
        await db.IncidentRedactions.Where(r => incidentIds.Contains(r.IncidentId)).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Original, Redacted), ct);
        await db.IncidentPeople.Where(p => incidentIds.Contains(p.IncidentId) && p.ClientId != null && clientIds.Contains(p.ClientId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, Anonymization.Name), ct);
        await db.TrainingCopies.Where(t => incidentIds.Contains(t.IncidentId)).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Title, Redacted)
            .SetProperty(t => t.Situation, Redacted)
            .SetProperty(t => t.Handling, t => t.Handling == null ? null : Redacted)
            .SetProperty(t => t.Outcome, t => t.Outcome == null ? null : Redacted)
            .SetProperty(t => t.SearchKey, Incidents.TrainingCopy.SearchKeyOf(Redacted, Redacted, null, null))
            .SetProperty(t => t.Status, Incidents.TrainingCopyStatus.Draft)
            .SetProperty(t => t.Version, version), ct);
        counts["Incidents"] = await db.Incidents.Where(i => incidentIds.Contains(i.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.WhatHappened, Redacted)
            .SetProperty(i => i.HowHandled, i => i.HowHandled == null ? null : Redacted)
            .SetProperty(i => i.Outcome, i => i.Outcome == null ? null : Redacted)
            .SetProperty(i => i.Version, version), ct);
        // Earlier requests about the same client (e.g. a refused one) may quote the client in their reasons.
        await db.ErasureRequests.Where(r => clientIds.Contains(r.ClientId)).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Reason, Redacted)
            .SetProperty(r => r.RefusalBecause, r => r.RefusalBecause == null ? null : Redacted), ct);
        return counts;
    }

    public Task<int> ContactsAsync(IQueryable<Contacts.Contact> which, CancellationToken ct)
    {
        var version = Guid.NewGuid();
        return which.ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Summary, Redacted)
            .SetProperty(c => c.Discussed, (string?)null)
            .SetProperty(c => c.Decided, (string?)null)
            .SetProperty(c => c.Done, (string?)null)
            .SetProperty(c => c.NextStep, (string?)null)
            .SetProperty(c => c.NextMeetingPlace, (string?)null)
            .SetProperty(c => c.Version, version), ct);
    }

    public Task<int> PromisesAsync(IQueryable<Contacts.Promise> which, CancellationToken ct)
    {
        var version = Guid.NewGuid();
        return which.ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Text, Redacted)
            .SetProperty(p => p.DoneNote, p => p.DoneNote == null ? null : Redacted)
            .SetProperty(p => p.Version, version), ct);
    }

    public Task<int> PhoneMessagesAsync(IQueryable<PhoneMessages.PhoneMessage> which, CancellationToken ct)
    {
        var version = Guid.NewGuid();
        return which.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.CallerName, Anonymization.Name)
            .SetProperty(m => m.SearchKey, PhoneMessages.PhoneMessage.SearchKeyOf(Anonymization.Name, null))
            .SetProperty(m => m.Organisation, (string?)null)
            .SetProperty(m => m.Position, (string?)null)
            .SetProperty(m => m.Phone, "")
            .SetProperty(m => m.Message, Redacted)
            .SetProperty(m => m.CalledBackWho, m => m.CalledBackWho == null ? null : Anonymization.Name)
            .SetProperty(m => m.CallBackSummary, m => m.CallBackSummary == null ? null : Redacted)
            .SetProperty(m => m.Version, version), ct);
    }

    public async Task<int> EmailsAsync(IQueryable<Emails.EmailEnquiry> which, CancellationToken ct)
    {
        var version = Guid.NewGuid();
        await Mail.Outbox.RedactAsync(db, Emails.ReplyToEmailHandler.SourceKind, which.Select(e => e.Id), ct);
        return await which.ExecuteUpdateAsync(s => s
            .SetProperty(e => e.FromAddress, "")
            .SetProperty(e => e.FromName, (string?)null)
            .SetProperty(e => e.SearchKey, Emails.EmailEnquiry.SearchKeyOf(null, "", Redacted))
            .SetProperty(e => e.Subject, Redacted)
            .SetProperty(e => e.Body, Redacted)
            .SetProperty(e => e.ReplySubject, e => e.ReplySubject == null ? null : Redacted)
            .SetProperty(e => e.ReplyBody, e => e.ReplyBody == null ? null : Redacted)
            .SetProperty(e => e.Version, version), ct);
    }

    public Task<int> LettersAsync(IQueryable<Letters.InformationLetter> which, CancellationToken ct)
    {
        var version = Guid.NewGuid();
        return which.ExecuteUpdateAsync(s => s
            .SetProperty(l => l.Subject, Redacted)
            .SetProperty(l => l.Body, Redacted)
            .SetProperty(l => l.Version, version), ct);
    }

    public async Task<int> VisitsAsync(IQueryable<Visits.HomeVisit> which, CancellationToken ct)
    {
        var ids = await which.Select(v => v.Id).ToListAsync(ct);
        await db.VisitReschedules.Where(r => ids.Contains(r.VisitId)).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Reason, Redacted)
            .SetProperty(r => r.ClientToldHow, Redacted), ct);
        var version = Guid.NewGuid();
        return await db.HomeVisits.Where(v => ids.Contains(v.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(v => v.Purpose, Redacted)
            .SetProperty(v => v.CancelReason, v => v.CancelReason == null ? null : Redacted)
            .SetProperty(v => v.Version, version), ct);
    }

    public async Task<int> ComplaintsAsync(IQueryable<Complaint> which, CancellationToken ct)
    {
        var found = await which.Select(c => new { c.Id, c.Text }).ToListAsync(ct);
        if (found.Count == 0)
            return 0;
        var ids = found.Select(c => c.Id).ToList();
        var descriptions = await db.CorrectiveActions.Where(a => ids.Contains(a.ComplaintId)).Select(a => a.Description).ToListAsync(ct);
        await ScrubDigestsAsync(found.Select(c => ComplaintQueries.Shorten(c.Text.Length > 200 ? c.Text[..200] : c.Text, 160))
            .Concat(descriptions.Select(d => ComplaintQueries.Shorten(d, 160))), ct);
        var links = ids.Select(id => $"complaints/{id}").ToList();
        await db.Notifications.Where(n => n.Link != null && links.Contains(n.Link)).ExecuteUpdateAsync(s => s.SetProperty(n => n.Text, Redacted), ct);
        // Acknowledgements and outcomes sent by e-mail: address and text go too (a message not yet sent will not be).
        // The tracking code given on the website goes with the feedback: its ticket is deleted (the complaint row stays, so the
        // cascade does not) and the message that mailed it is blanked like the others.
        await db.PublicFeedbackTickets.Where(t => ids.Contains(t.ComplaintId)).ExecuteDeleteAsync(ct);
        foreach (var kind in new[] { Mail.ComplaintMail.AcknowledgementKind, Mail.ComplaintMail.OutcomeKind, Public.PublicCodeMail.SourceKind })
            await Mail.Outbox.RedactAsync(db, kind, db.Complaints.Where(c => ids.Contains(c.Id)).Select(c => c.Id), ct);
        await db.ComplaintSteps.Where(s => ids.Contains(s.ComplaintId)).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Note, x => x.Note == null ? null : Redacted), ct);
        await db.CorrectiveActions.Where(a => ids.Contains(a.ComplaintId)).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Description, Redacted)
            .SetProperty(a => a.Evidence, a => a.Evidence == null ? null : Redacted)
            .SetProperty(a => a.WithdrawalReason, a => a.WithdrawalReason == null ? null : Redacted), ct);
        await db.ResponseClocks.Where(c => ids.Contains(c.SubjectId) && c.PauseReason != null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PauseReason, Redacted), ct);
        var version = Guid.NewGuid();
        return await db.Complaints.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Text, Redacted)
            .SetProperty(c => c.ContactName, (string?)null)
            .SetProperty(c => c.ContactDetails, (string?)null)
            .SetProperty(c => c.Apology, c => c.Apology == null ? null : Redacted)
            .SetProperty(c => c.Facts, c => c.Facts == null ? null : Redacted)
            .SetProperty(c => c.ActionPlan, c => c.ActionPlan == null ? null : Redacted)
            .SetProperty(c => c.RootCauseText, c => c.RootCauseText == null ? null : Redacted)
            .SetProperty(c => c.Outcome, c => c.Outcome == null ? null : Redacted)
            .SetProperty(c => c.ClientInformedHow, c => c.ClientInformedHow == null ? null : Redacted)
            .SetProperty(c => c.Version, version), ct);
    }

    /// <summary>Feedback hand-overs quote the start of each complaint's text and its actions (<see cref="FeedbackDigest"/>); those quotes go too.</summary>
    private async Task ScrubDigestsAsync(IEnumerable<string> quotes, CancellationToken ct)
    {
        foreach (var excerpt in quotes.Where(t => t.Length > 0 && t != Redacted).Distinct())
        {
            var digests = await db.FeedbackDigests.Where(d => d.Body.Contains(excerpt)).ToListAsync(ct);
            foreach (var digest in digests)
                digest.Body = digest.Body.Replace(excerpt, Redacted, StringComparison.Ordinal);
        }
        await db.SaveChangesAsync(ct);
    }
}

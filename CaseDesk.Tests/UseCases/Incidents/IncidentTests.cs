using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Incidents;
using CaseDesk.Domain.Training;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Incidents;

public sealed class IncidentTests : IAsyncLifetime
{
    private TestDatabase db = default!;
    private Caller caseworker = default!, officer = default!, trainer = default!;

    public async Task InitializeAsync()
    {
        db = await TestDatabase.CreateAsync();
        caseworker = await db.CreateCallerAsync(Roles.Caseworker);
        officer = await db.CreateCallerAsync(Roles.QualityOfficer);
        trainer = await db.CreateCallerAsync(Roles.Trainer);
        await Rename(caseworker, "Asta", "Petrauskienė");
    }

    public async Task DisposeAsync() => await db.DisposeAsync();

    private async Task Rename(Caller who, string first, string last)
    {
        await using var d = db.OpenDb();
        var user = await d.Users.SingleAsync(u => u.Id == who.UserId);
        (user.FirstName, user.LastName) = (first, last);
        await d.SaveChangesAsync();
    }

    private async Task<Guid> ClientAsync() =>
        await db.Send(Casework.NewClient("Jonas", "Petraitis", phone: "+37061234567") with
        {
            Email = "jonas.p@gmail.com", Address = "Jaunimo g. 5-12, Alytus",
            Household = [new HouseholdMemberInput("Ona Petraitienė", "sutuoktinė", 1960)],
        }, caseworker);

    [Fact]
    public async Task Recording_makes_a_draft_copy_with_pseudonyms_and_keeps_the_source_and_the_replacements_apart()
    {
        var client = await ClientAsync();
        const string text = "Jonas Petraitis šaukė ant Astos Petrauskienės, Onos Petraitienės telefonas 861234567, gyvena Jaunimo g. 5-12.";

        var id = await db.Send(IncidentWork.Incident(db.Clock.UtcDateTime, text, client, [caseworker.UserId], ["Darius Butkus"],
            howHandled: "Darius Butkus iškvietė Joną į kitą kabinetą."), caseworker);

        var review = await db.Send(new GetIncidentReview(id), officer);
        Assert.Equal(text, review.WhatHappened);
        Assert.Equal(TrainingCopyStatus.Draft, review.Copy.Status);
        Assert.Equal("Klientas A šaukė ant Darbuotojo C, Šeimos nario B telefonas [telefonas], gyvena [adresas: miesto dalis].", review.Copy.Situation);
        Assert.Equal("Asmuo D iškvietė Klientą A į kitą kabinetą.", review.Copy.Handling);
        Assert.Equal(
            [(PersonRole.Client, "Jonas Petraitis", "Klientas A"), (PersonRole.HouseholdMember, "Ona Petraitienė", "Šeimos narys B"),
             (PersonRole.Employee, "Asta Petrauskienė", "Darbuotojas C"), (PersonRole.Other, "Darius Butkus", "Asmuo D")],
            review.People.Select(p => (p.Role, p.Name, p.Pseudonym)));
        Assert.Contains(review.Redactions, r => r is { Original: "861234567", Replacement: "[telefonas]", Kind: RedactionKind.Phone });
        Assert.Contains(review.Redactions, r => r is { Original: "Jonas Petraitis", Replacement: "Klientas A" });
        // The copy's own table holds no replacement list and no names.
        var stored = await db.ReadAsync(d => d.TrainingCopies.AsNoTracking().SingleAsync(c => c.IncidentId == id));
        Assert.DoesNotContain("Petrai", stored.Situation + stored.Handling + stored.Outcome + stored.Title, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Only_released_copies_reach_the_trainer_and_a_withdrawn_one_leaves_the_library_and_the_pack()
    {
        var id = await db.Send(IncidentWork.Incident(db.Clock.UtcDateTime, "Klientas girtas, šaukė registratūroje."), caseworker);
        var copyId = await db.CopyIdOfAsync(id);

        Assert.Empty((await db.LibraryAsync(trainer)).Items);
        await Assert.ThrowsAsync<NotFoundException>(() => db.Send(new GetTrainingCase(copyId), trainer));
        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            db.Send(new SaveSessionPack(null, null, "Sesija", null, [new PackItemInput(copyId, null)]), trainer));
        Assert.Contains(nameof(SaveSessionPack.Items), refused.Errors.Keys);

        await db.ReleaseAsync(id, officer);
        var row = Assert.Single((await db.LibraryAsync(trainer)).Items);
        Assert.Equal(copyId, row.Id);
        var packId = await db.Send(new SaveSessionPack(null, null, "Agresyvūs klientai", "Ką darytume kitaip?", [new PackItemInput(copyId, "Kodėl dviese?")]), trainer);

        var review = await db.Send(new GetIncidentReview(id), officer);
        await db.Send(new WithdrawTrainingCopy(review.Copy.Id, review.Copy.Version), officer);

        Assert.Empty((await db.LibraryAsync(trainer)).Items);
        var pack = await db.Send(new GetSessionPack(packId), trainer);
        Assert.True(Assert.Single(pack.Items).Withdrawn);
        var export = await db.Send(new ExportSessionPackMarkdown(packId), trainer);
        Assert.DoesNotContain("girtas", export.Markdown);
    }

    [Fact]
    public async Task A_copy_edited_back_to_a_name_or_a_replaced_detail_is_not_released_until_it_is_taken_out_again()
    {
        var client = await ClientAsync();
        var id = await db.Send(IncidentWork.Incident(db.Clock.UtcDateTime, "Jonas Petraitis skambino iš +37061234567 ir šaukė.", client), caseworker);
        var review = await db.Send(new GetIncidentReview(id), officer);
        Assert.Equal("Klientas A skambino iš [telefonas] ir šaukė.", review.Copy.Situation);

        // An inflected form the source never used: found as a name form of the linked client, not from the list of replacements.
        var version = await db.Send(new EditTrainingCopy(review.Copy.Id, review.Copy.Version, "Piktas skambutis",
            "Klientas A skambino ir šaukė; Petraičiui paaiškinome tvarką.", null, null), officer);
        var named = await Assert.ThrowsAsync<DomainRefusalException>(() => db.Send(new ReleaseTrainingCopy(review.Copy.Id, version), officer));
        Assert.Contains("still contains a name of a person linked to the incident", named.Because);
        Assert.DoesNotContain("Petrai", named.Because);

        version = await db.Send(new EditTrainingCopy(review.Copy.Id, version, "Piktas skambutis",
            "Klientas A skambino iš +370 61234567 ir šaukė.", null, null), officer);
        var phone = await Assert.ThrowsAsync<DomainRefusalException>(() => db.Send(new ReleaseTrainingCopy(review.Copy.Id, version), officer));
        Assert.Contains("still contains a phone number", phone.Because);
        Assert.DoesNotContain("6123", phone.Because);
        Assert.Equal(TrainingCopyStatus.Draft, (await db.Send(new GetIncidentReview(id), officer)).Copy.Status);

        version = await db.Send(new EditTrainingCopy(review.Copy.Id, version, "Piktas skambutis",
            "Klientas A skambino ir šaukė; jam paaiškinome tvarką.", null, null), officer);
        await db.Send(new ReleaseTrainingCopy(review.Copy.Id, version), officer);
        Assert.Equal(TrainingCopyStatus.Released, (await db.Send(new GetIncidentReview(id), officer)).Copy.Status);
    }

    [Fact]
    public async Task The_officer_edits_a_draft_but_not_a_released_copy_and_the_source_never_changes()
    {
        var id = await db.Send(IncidentWork.Incident(db.Clock.UtcDateTime, "Skambino Kazys, labai piktas."), caseworker);
        var review = await db.Send(new GetIncidentReview(id), officer);

        var version = await db.Send(new EditTrainingCopy(review.Copy.Id, review.Copy.Version, "Piktas skambutis", "Skambino klientas, labai piktas.", null, null), officer);
        version = await db.Send(new ReleaseTrainingCopy(review.Copy.Id, version), officer);
        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() =>
            db.Send(new EditTrainingCopy(review.Copy.Id, version, "Kitas", "Kitas", null, null), officer));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => db.Send(new ReleaseTrainingCopy(review.Copy.Id, review.Copy.Version), officer));

        Assert.Contains("Withdraw", refusal.Because);
        var after = await db.Send(new GetIncidentReview(id), officer);
        Assert.Equal("Skambino Kazys, labai piktas.", after.WhatHappened);
        Assert.Equal(("Piktas skambutis", "Skambino klientas, labai piktas.", TrainingCopyStatus.Released),
            (after.Copy.Title, after.Copy.Situation, after.Copy.Status));
    }

    [Fact]
    public async Task A_complaint_is_promoted_with_its_text_client_household_contact_and_employees()
    {
        var client = await ClientAsync();
        var complaintId = await db.RegisterFeedbackAsync(caseworker, clientId: client, text: "Jonas Petraitis skundžiasi, kad Petrauskienė neatskambino.",
            touchpoints: [2], commitments: ["VIII"], contactName: "Rūta Žukauskaitė");

        var id = await db.Send(new PromoteComplaintToIncident(complaintId, IncidentType.Complaint), officer);

        var review = await db.Send(new GetIncidentReview(id), officer);
        Assert.Equal((complaintId, client, 2, "VIII"), (review.ComplaintId!.Value, review.SourceClientId!.Value, review.Touchpoint!.Value, Assert.Single(review.Commitments)));
        Assert.StartsWith("Jonas Petraitis skundžiasi", review.WhatHappened);
        Assert.Equal("Klientas A skundžiasi, kad Darbuotojas C neatskambino.", review.Copy.Situation);
        Assert.Equal(["Jonas Petraitis", "Ona Petraitienė", "Asta Petrauskienė", "Rūta Žukauskaitė"], review.People.Select(p => p.Name));
        var again = await Assert.ThrowsAsync<DomainRefusalException>(() => db.Send(new PromoteComplaintToIncident(complaintId, IncidentType.Complaint), officer));
        Assert.Contains("already", again.Because);
        var complaint = await db.GetAsync(complaintId, officer);
        Assert.Equal("Jonas Petraitis skundžiasi, kad Petrauskienė neatskambino.", complaint.Text);
    }

    [Fact]
    public async Task A_contact_is_promoted_with_its_summary_client_and_employee()
    {
        var client = await ClientAsync();
        var contactId = await db.Send(Casework.Contact(client, null, db.Clock.UtcDateTime, touchpoint: 2, summary: "Jonas šaukė telefonu ant Astos."), caseworker);

        var id = await db.Send(new PromoteContactToIncident(contactId, IncidentType.DifficultCall), caseworker);

        var review = await db.Send(new GetIncidentReview(id), officer);
        Assert.Equal((contactId, 2, IncidentType.DifficultCall), (review.ContactId!.Value, review.Touchpoint!.Value, review.Type));
        Assert.StartsWith("Klientas A šaukė telefonu ant Darbuotojo C.", review.Copy.Situation);
        Assert.Contains(review.People, p => p is { Role: PersonRole.Employee, Name: "Asta Petrauskienė" });
    }

    [Fact]
    public async Task The_library_filters_by_type_touchpoint_commitment_and_words()
    {
        var a = await db.Send(IncidentWork.Incident(db.Clock.UtcDateTime, "Girtas lankytojas laukiamajame.", type: IncidentType.IntoxicatedClient, touchpoint: 5, commitments: ["VI"]), caseworker);
        var b = await db.Send(IncidentWork.Incident(db.Clock.UtcDateTime, "Ilgai laukta atsakymo į laišką.", type: IncidentType.Complaint, touchpoint: 3, commitments: ["VIII", "IX"]), caseworker);
        var aCopy = await db.ReleaseAsync(a, officer);
        var bCopy = await db.ReleaseAsync(b, officer);

        Assert.Equal([aCopy], (await db.LibraryAsync(trainer, new LibraryFilter(Type: IncidentType.IntoxicatedClient))).Items.Select(r => r.Id));
        Assert.Equal([bCopy], (await db.LibraryAsync(trainer, new LibraryFilter(Touchpoint: 3))).Items.Select(r => r.Id));
        Assert.Equal([bCopy], (await db.LibraryAsync(trainer, new LibraryFilter(Commitment: "IX"))).Items.Select(r => r.Id));
        Assert.Equal([aCopy], (await db.LibraryAsync(trainer, search: "laukiamajame")).Items.Select(r => r.Id));
        // Words match without their diacritics and in any case, on SQLite and PostgreSQL alike.
        Assert.Equal([bCopy], (await db.LibraryAsync(trainer, search: "LAISKA")).Items.Select(r => r.Id));
        Assert.Equal([bCopy], (await db.LibraryAsync(trainer, search: "Į laišką")).Items.Select(r => r.Id));
        Assert.Empty((await db.LibraryAsync(trainer, search: "%")).Items);
        Assert.Equal(2, (await db.LibraryAsync(trainer)).Total);
    }

    [Fact]
    public async Task Every_trainer_read_is_audited()
    {
        var id = await db.Send(IncidentWork.Incident(db.Clock.UtcDateTime, "Konfliktas prie langelio."), caseworker);
        var copyId = await db.ReleaseAsync(id, officer);
        var packId = await db.Send(new SaveSessionPack(null, null, "Sesija", null, [new PackItemInput(copyId, null)]), trainer);

        await db.LibraryAsync(trainer);
        await db.Send(new GetTrainingCase(copyId), trainer);
        await db.Send(new ListSessionPacks(), trainer);
        await db.Send(new GetSessionPack(packId), trainer);
        await db.Send(new ExportSessionPackMarkdown(packId), trainer);

        var reads = (await db.AuditEntriesAsync()).Where(e => e.UserId == trainer.UserId && e.Kind == AuditKind.Read).ToList();
        Assert.Equal([nameof(SearchTrainingLibrary), nameof(GetTrainingCase), nameof(ListSessionPacks), nameof(GetSessionPack), nameof(ExportSessionPackMarkdown)],
            reads.Select(e => e.Action));
        Assert.Equal(copyId.ToString(), reads[1].EntityId);
        Assert.Equal(packId.ToString(), reads[4].EntityId);
    }
}

namespace CaseDesk.Domain.Public;

/// <summary>
/// The message that mails a visitor their tracking code, in the language they wrote in. The code is the only thing of the
/// feedback in it (no text, no number), and the outbox row's text is blanked once the mail server accepts it or gives up
/// (<see cref="Mail.RecordMailAccepted"/>, <see cref="Mail.RecordMailFailure"/>), so the code does not stay in the database in clear.
/// </summary>
public static class PublicCodeMail
{
    public const string SourceKind = "public-feedback-code";

    /// <summary>The status page, relative to the site.</summary>
    public const string StatusPath = "/viesa/busena";

    public sealed record Message(string Subject, string Body);

    public static Message Compose(string language, string code, string? baseUrl)
    {
        var url = string.IsNullOrWhiteSpace(baseUrl) ? null : $"{baseUrl.Trim().TrimEnd('/')}{StatusPath}?lang={language}";
        return language switch
        {
            "en" => new("Your feedback's tracking code", $"""
                Thank you for your feedback.

                Your tracking code: {code}

                With this code you can follow what happens to your feedback {(url is null ? $"on our website, on the page where feedback is followed ({StatusPath})." : $"here:\n{url}")}
                Keep the code: only it opens the status of your feedback, and we cannot send it to you again. The status is shown until 90 days after your feedback has been dealt with.

                Alytus City Municipality Administration
                Social Support Department
                """),
            "ru" => new("Код для отслеживания вашего отзыва", $"""
                Благодарим вас за отзыв.

                Ваш код для отслеживания: {code}

                С этим кодом вы можете следить за тем, что происходит с вашим отзывом, {(url is null ? $"на нашем сайте, на странице отслеживания отзывов ({StatusPath})." : $"здесь:\n{url}")}
                Сохраните код: только по нему можно узнать состояние отзыва, а повторно отправить его мы не сможем. Состояние показывается в течение 90 дней после того, как отзыв будет рассмотрен.

                Администрация самоуправления города Алитус
                Отдел социальной поддержки
                """),
            "pl" => new("Kod do śledzenia Twojej opinii", $"""
                Dziękujemy za Twoją opinię.

                Twój kod do śledzenia: {code}

                Dzięki temu kodowi możesz śledzić, co dzieje się z Twoją opinią, {(url is null ? $"na naszej stronie internetowej, na stronie śledzenia opinii ({StatusPath})." : $"tutaj:\n{url}")}
                Zachowaj kod: tylko on pozwala sprawdzić stan opinii, a my nie możemy wysłać go ponownie. Stan jest widoczny przez 90 dni od rozpatrzenia opinii.

                Administracja Samorządu Miasta Olita
                Wydział Wsparcia Socjalnego
                """),
            _ => new("Jūsų atsiliepimo sekimo kodas", $"""
                Dėkojame už atsiliepimą.

                Jūsų sekimo kodas: {code}

                Su šiuo kodu galite sekti, kas vyksta su jūsų atsiliepimu, {(url is null ? $"mūsų interneto svetainėje, atsiliepimų sekimo puslapyje ({StatusPath})." : $"čia:\n{url}")}
                Išsaugokite kodą: tik juo galima pamatyti atsiliepimo būseną, o iš naujo jo atsiųsti negalėsime. Būsena rodoma iki 90 dienų po to, kai atsiliepimas bus išnagrinėtas.

                Alytaus miesto savivaldybės administracija
                Socialinės paramos skyrius
                """),
        };
    }
}

using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using MotCua.Infrastructure.Text;

namespace MotCua.Infrastructure.Outcomes;

/// <summary>
/// Checks what a request record declares: DataAnnotations on its properties, whose <c>ErrorMessage</c> is the key
/// of the text to show (so the message is the reader's language), and the record's own cross-field rules
/// (<see cref="IValidatableObject"/>, whose messages are already texts), all of them at once. Fields are named as the API's JSON names
/// them. Use cases call it first, so that the API and the pages refuse the same things the same way.
/// </summary>
public static class RequestRules
{
    public static Failure? Check<T>(T request)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, List<string>>();
        void Add(string member, string message) => (errors.TryGetValue(FieldName(member), out var list) ? list : errors[FieldName(member)] = []).Add(message);

        var context = new ValidationContext(request);
        foreach (var property in typeof(T).GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            var results = new List<ValidationResult>();
            context.MemberName = property.Name;
            if (!Validator.TryValidateProperty(property.GetValue(request), context, results))
            {
                results.ForEach(r => Add(property.Name, Texts.Get(r.ErrorMessage!))); // an attribute's message is a key of the texts
            }
        }

        if (request is IValidatableObject rules)
        {
            context.MemberName = null;
            foreach (var r in rules.Validate(context))
            {
                Add(r.MemberNames.FirstOrDefault() ?? "", r.ErrorMessage ?? ""); // a cross-field rule's message is the text
            }
        }

        return errors.Count == 0 ? null : Failure.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    /// <summary><c>DossierCode</c> → <c>dossierCode</c>, <c>criteria[3]</c> as it is: the field as JSON names it.</summary>
    private static string FieldName(string member) => member.Length == 0 ? "" : JsonNamingPolicy.CamelCase.ConvertName(member);
}

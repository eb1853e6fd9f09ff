// Saves bytes the circuit made (a CSV of claim links) as a file, without keeping them on the server for a later download.
export async function saveFile(fileName, contentType, streamReference) {
    const blob = new Blob([await streamReference.arrayBuffer()], { type: contentType });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
}

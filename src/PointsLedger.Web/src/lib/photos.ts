import { uploads, call } from '../api/client'

/** The longest side a photo is sent at: the server keeps 1,600 pixels, so nothing more crosses a slow village network. */
const sendSide = 1600

/**
 * A phone's photo made small before it leaves the phone (and without its GPS position, which a canvas
 * never carries); a photo the browser cannot decode (a HEIC on Android) goes as it is, and the server
 * re-encodes it either way.
 */
export async function shrink(file: File): Promise<Blob> {
  const url = URL.createObjectURL(file)
  try {
    // An <img> decodes on every browser the pages support (createImageBitmap's options do not), turned as the camera held it.
    const image = new Image()
    image.src = url
    await image.decode()
    const scale = Math.min(1, sendSide / Math.max(image.naturalWidth, image.naturalHeight))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(image.naturalWidth * scale)
    canvas.height = Math.round(image.naturalHeight * scale)
    canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height)
    const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85))
    return jpeg ?? file
  } catch {
    return file
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** Uploads one photo as evidence and answers its id; the same photo sent again answers the same id. */
export async function uploadPhoto(file: File, key: string): Promise<string> {
  const photo = await shrink(file)
  const answer = await call(() =>
    uploads.POST('/api/evidence', {
      params: { header: { 'Idempotency-Key': key } },
      body: { file: file.name },
      bodySerializer: () => {
        const form = new FormData()
        form.append('file', photo, photo === file ? file.name : 'photo.jpg')
        return form
      },
    }),
  )
  return answer.evidenceId
}

import { uploads, call } from '../api/client'

/** The longest side a photo is sent at: the server keeps 1,600 pixels, so nothing more crosses a slow village network. */
const sendSide = 1600

/**
 * A phone's photo made small before it leaves the phone (and without its GPS position, which a canvas
 * never carries); a photo the browser cannot decode (a HEIC on Android) goes as it is, and the server
 * re-encodes it either way.
 */
export async function shrink(file: File): Promise<Blob> {
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
    const scale = Math.min(1, sendSide / Math.max(bitmap.width, bitmap.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(bitmap.width * scale)
    canvas.height = Math.round(bitmap.height * scale)
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    bitmap.close()
    const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85))
    return jpeg ?? file
  } catch {
    return file
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
